namespace AppBackend.Application.Common.Ports.AnalysisBackend;

/// <summary>The answer of <c>GET /v1/analysis/video/{jobId}</c>; <see cref="Status"/> is queued, processing, done or failed.</summary>
public sealed record JobStatusReport(
    string JobId, string? VideoResponseId, string Status, double? OverallScore, string? AiAnalysisId, string? Error);
