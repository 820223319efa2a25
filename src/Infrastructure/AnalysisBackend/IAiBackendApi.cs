using AppBackend.Application.Common.Ports.AnalysisBackend;
using Refit;

namespace AppBackend.Infrastructure.AnalysisBackend;

/// <summary>The AI backend's HTTP API (contract section 3). Auth headers come from <see cref="AiBackendJwtHandler"/>.</summary>
public interface IAiBackendApi
{
    [Post("/v1/analysis/video")]
    Task<IApiResponse<StartAnalysisResponse>> StartAnalysisAsync(
        [Body] AnalysisRequest request,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Request-Id")] string requestId,
        CancellationToken cancellationToken);

    [Get("/v1/analysis/video/{jobId}")]
    Task<IApiResponse<JobStatusResponse>> GetJobStatusAsync(string jobId, [Header("X-Request-Id")] string requestId, CancellationToken cancellationToken);
}

public sealed record StartAnalysisResponse(IReadOnlyList<StartAnalysisJob>? JobIds);

public sealed record StartAnalysisJob(string? JobId, string? VideoResponseId);

public sealed record JobStatusResponse(
    string? JobId, string? VideoResponseId, string? Status, double? OverallScore, string? AiAnalysisId, string? Error);
