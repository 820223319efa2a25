namespace AppBackend.AiBackendSimulator.State;

/// <summary>
/// One webhook delivery attempt waiting for its time. <see cref="Delivery"/> counts the
/// rounds (1 = when the job finished, 2+ = redeliveries); <see cref="Attempt"/> counts within a round.
/// </summary>
public sealed record ScheduledDelivery(string JobId, int Delivery, int Attempt, DateTimeOffset DueAt);
