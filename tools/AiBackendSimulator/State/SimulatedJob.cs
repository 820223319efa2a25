using AppBackend.AiBackendSimulator.Analysis;

namespace AppBackend.AiBackendSimulator.State;

/// <summary>One job's mutable record. Only <see cref="SimulatorState"/> touches it, always under its lock.</summary>
internal sealed class SimulatedJob(
    string jobId,
    VideoToAnalyse video,
    string applicationId,
    string idempotencyKey,
    Uri callbackUrl,
    DateTimeOffset createdAt,
    bool fetchVideo)
{
    public string JobId { get; } = jobId;
    public VideoToAnalyse Video { get; } = video;
    public string ApplicationId { get; } = applicationId;
    public string IdempotencyKey { get; } = idempotencyKey;
    public Uri CallbackUrl { get; } = callbackUrl;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Standard Webhooks message id: one per job, so redeliveries can be recognised as the same message.</summary>
    public string WebhookId { get; } = $"msg_{Guid.NewGuid():N}";

    public JobStatus Status { get; set; } = JobStatus.Queued;
    public DateTimeOffset? ProcessingAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double? OverallScore { get; set; }
    public string? AiAnalysisId { get; set; }
    public string? Error { get; set; }

    public bool FetchRequested { get; set; } = fetchVideo;
    public bool FetchInFlight { get; set; }
    public VideoFetchResult? VideoFetch { get; set; }

    public byte[]? WebhookBody { get; set; }
    public bool CallbackDropped { get; set; }
    public int DeliveryRounds { get; set; }
    public List<DeliveryAttemptView> Deliveries { get; } = [];

    public bool IsFinal => Status is JobStatus.Done or JobStatus.Failed;

    public JobView ToView() => new(
        JobId,
        Video.VideoResponseId,
        ApplicationId,
        IdempotencyKey,
        CallbackUrl.ToString(),
        Video.Url.ToString(),
        Status,
        OverallScore,
        AiAnalysisId,
        Error,
        CreatedAt,
        ProcessingAt,
        FinishedAt,
        CallbackDropped,
        [.. Deliveries],
        FetchView());

    private VideoFetchView? FetchView() => (FetchRequested || FetchInFlight, VideoFetch) switch
    {
        (true, _) => new VideoFetchView(true, null, null, null, null),
        (false, { } done) => new VideoFetchView(false, done.At, done.StatusCode, done.Bytes, done.Error),
        _ => null,
    };
}
