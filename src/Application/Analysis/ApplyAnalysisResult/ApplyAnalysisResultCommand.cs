using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// A final result for one AI job, from the webhook or the admin tool (the poller applies what it hears through the
/// same <see cref="AnalysisResultApplier"/>). <see cref="Status"/> is <c>done</c> or <c>failed</c>.
/// </summary>
public sealed record ApplyAnalysisResultCommand(
    string? JobId,
    string? VideoResponseId,
    string? Status,
    double? OverallScore,
    string? AiAnalysisId,
    string? Error) : ICommand<Result<ResultApplication>>, IJobMessage
{
    /// <summary>The result as the aggregate takes it; only for a command its validator accepted.</summary>
    public AnalysisReport ToReport() => new(
        JobId!,
        VideoResponseId,
        Status == ApplyAnalysisResultCommandValidator.Done ? AnalysisOutcome.Done : AnalysisOutcome.Failed,
        OverallScore,
        AiAnalysisId,
        Error);
}
