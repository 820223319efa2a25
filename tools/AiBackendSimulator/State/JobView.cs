namespace AppBackend.AiBackendSimulator.State;

/// <summary>Everything known about one job, as shown by <c>GET /control/jobs</c>.</summary>
public sealed record JobView(
    string JobId,
    string VideoResponseId,
    string ApplicationId,
    string IdempotencyKey,
    string CallbackUrl,
    string VideoUrl,
    JobStatus Status,
    double? OverallScore,
    string? AiAnalysisId,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProcessingAt,
    DateTimeOffset? FinishedAt,
    bool CallbackDropped,
    IReadOnlyList<DeliveryAttemptView> Deliveries,
    VideoFetchView? VideoFetch);
