using FluentValidation;

namespace AppBackend.Application.Analysis.RedispatchApplication;

public sealed class RedispatchApplicationCommandValidator : AbstractValidator<RedispatchApplicationCommand>
{
    public RedispatchApplicationCommandValidator()
    {
        RuleFor(c => c.ApplicationId).NotEmpty();
        RuleFor(c => c.Owner).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Lease).GreaterThan(TimeSpan.Zero);
    }
}
