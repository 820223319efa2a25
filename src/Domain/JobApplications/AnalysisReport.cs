namespace AppBackend.Domain.JobApplications;

/// <summary>A final result for one job, as reported by the webhook or by polling.</summary>
public sealed record AnalysisReport(
    string JobId,
    string? VideoResponseId,
    AnalysisOutcome Outcome,
    double? OverallScore,
    string? AiAnalysisId,
    string? Error);
