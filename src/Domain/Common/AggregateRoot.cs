namespace AppBackend.Domain.Common;

/// <summary>
/// The root of a consistency boundary. <see cref="Version"/> grows with every change so that
/// persistence can refuse a write made from a stale copy (optimistic concurrency).
/// </summary>
public abstract class AggregateRoot
{
    public string Id { get; protected init; } = string.Empty;

    public long Version { get; private set; }

    protected void IncrementVersion() => Version++;
}
