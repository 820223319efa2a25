namespace AppBackend.AiBackendSimulator.State;

/// <summary>
/// What the worker must start now, when it should look again (null = only when woken),
/// and a token that is cancelled by <c>POST /control/reset</c> so in-flight work stops.
/// </summary>
public sealed record DueWork(
    IReadOnlyList<VideoFetchOrder> Fetches,
    IReadOnlyList<ScheduledDelivery> Deliveries,
    DateTimeOffset? NextDueAt,
    CancellationToken ResetToken);
