using FluentValidation;

namespace AppBackend.Application.Interviews.CreateInterview;

/// <summary>The bounds of <see cref="AiMetadataBounds"/> on every question (the shape rules are in <see cref="CreateInterviewCommandValidator"/>).</summary>
public sealed class AiMetadataBoundsValidator : AbstractValidator<CreateInterviewCommand>
{
    public AiMetadataBoundsValidator() =>
        RuleForEach(c => c.Questions).ChildRules(question =>
            question.RuleFor(q => q.AiMetadata)
                .Must(AiMetadataBounds.IsWithinDepth)
                .WithMessage($"'aiMetadata' may nest objects and arrays at most {AiMetadataBounds.MaxDepth} levels deep.")
                .Must(AiMetadataBounds.IsWithinSize)
                .WithMessage($"'aiMetadata' may be at most {AiMetadataBounds.MaxBytes} bytes of JSON."))
        .When(c => c.Questions is not null);
}
