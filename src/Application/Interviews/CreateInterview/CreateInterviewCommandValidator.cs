using System.Text.Json;
using FluentValidation;

namespace AppBackend.Application.Interviews.CreateInterview;

public sealed class CreateInterviewCommandValidator : AbstractValidator<CreateInterviewCommand>
{
    public CreateInterviewCommandValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Questions)
            .NotNull()
            .Must(q => q is { Count: >= 1 and <= 50 }).WithMessage("An interview has 1 to 50 questions.");
        RuleForEach(c => c.Questions).ChildRules(question =>
        {
            question.RuleFor(q => q.Text).NotEmpty().MaximumLength(2000);
            question.RuleFor(q => q.DurationSeconds).InclusiveBetween(1, 3600);
            question.RuleFor(q => q.ThinkingSeconds).InclusiveBetween(0, 600).When(q => q.ThinkingSeconds is not null);
            question.RuleFor(q => q.MaxTakes).InclusiveBetween(1, 10).When(q => q.MaxTakes is not null);
            question.RuleFor(q => q.AiMetadata)
                .Must(m => m.ValueKind == JsonValueKind.Object && m.EnumerateObject().Any())
                .WithMessage("'aiMetadata' must be a non-empty JSON object.");
        });
    }
}
