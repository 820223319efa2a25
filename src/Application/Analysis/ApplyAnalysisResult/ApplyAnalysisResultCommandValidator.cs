using AppBackend.Domain.JobApplications;
using FluentValidation;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

public sealed class ApplyAnalysisResultCommandValidator : AbstractValidator<ApplyAnalysisResultCommand>
{
    public const string Done = StatusNames.Done;
    public const string Failed = StatusNames.Failed;
    public const double MinScore = 0;
    public const double MaxScore = 100;

    public ApplyAnalysisResultCommandValidator()
    {
        RuleFor(c => c.JobId).NotEmpty().MaximumLength(200);
        RuleFor(c => c.VideoResponseId).MaximumLength(64);
        RuleFor(c => c.Status).NotEmpty().Must(s => s is Done or Failed).WithMessage("'status' must be 'done' or 'failed'.");
        RuleFor(c => c.OverallScore).NotNull().When(c => c.Status == Done).WithMessage("'overallScore' is required when status is 'done'.");
        RuleFor(c => c.OverallScore).Must(s => s is null || double.IsFinite(s.Value)).WithMessage("'overallScore' must be a number.");

        // A score is a percentage (contract example 83): anything outside is a broken analysis, not a result to store.
        RuleFor(c => c.OverallScore)
            .Must(s => s is null || !double.IsFinite(s.Value) || s.Value is >= MinScore and <= MaxScore)
            .WithMessage("'overallScore' must be from 0 to 100.");
        RuleFor(c => c.AiAnalysisId).NotEmpty().When(c => c.Status == Done).WithMessage("'aiAnalysisId' is required when status is 'done'.");
        RuleFor(c => c.AiAnalysisId).MaximumLength(200);
        RuleFor(c => c.Error).MaximumLength(2000);
    }
}
