namespace AppBackend.Domain.Common;

/// <summary>
/// The root of a consistency boundary. <see cref="Version"/> grows with every change so that
/// persistence can refuse a write made from a stale copy (optimistic concurrency). The changes made since the
/// last save wait in <see cref="DomainEvents"/> until the unit of work writes them with the change.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public string Id { get; protected init; } = string.Empty;

    public long Version { get; private set; }

    /// <summary>What happened since the last save, oldest first.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>Called by the unit of work once it has taken the events into the save.</summary>
    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void IncrementVersion() => Version++;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
