namespace AppBackend.AiBackendSimulator.State;

/// <summary>One delivery attempt in a job's history: HTTP status, or the error when there was no answer.</summary>
public sealed record DeliveryAttemptView(int Delivery, int Attempt, DateTimeOffset At, int? StatusCode, string? Error);
