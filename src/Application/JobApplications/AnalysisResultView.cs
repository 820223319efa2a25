namespace AppBackend.Application.JobApplications;

/// <summary>One final result from the AI backend; <see cref="Status"/> is <c>done</c> or <c>failed</c>.</summary>
public sealed record AnalysisResultView(
    string? AiAnalysisId,
    string VideoResponseId,
    string JobId,
    string Status,
    double? OverallScore,
    string? Error,
    DateTimeOffset ReceivedAt);
