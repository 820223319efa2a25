namespace AppBackend.Domain.JobApplications.Events;

/// <summary>A final result for one job was taken (from the webhook or the poller).</summary>
public sealed record AnalysisResultApplied(
    string JobId,
    string VideoResponseId,
    AnalysisOutcome Outcome,
    double? OverallScore,
    string? AiAnalysisId,
    string? Error) : JobApplicationEvent;
