namespace AppBackend.AiBackendSimulator.State;

/// <summary>The jobs of one accepted request; <see cref="Replayed"/> when the Idempotency-Key was seen before.</summary>
public sealed record JobBatch(IReadOnlyList<JobIdEntry> JobIds, bool Replayed);
