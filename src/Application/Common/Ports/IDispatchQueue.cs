using AppBackend.Application.Common.Dispatching;

namespace AppBackend.Application.Common.Ports;

/// <summary>The durable queue of owed dispatches; changes are saved by the unit of work, claims are atomic at once.</summary>
public interface IDispatchQueue
{
    void Add(PendingDispatch dispatch);

    void Remove(PendingDispatch dispatch);

    Task<PendingDispatch?> FindAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The owed dispatches of <paramref name="idempotencyKeys"/> that exist, in one read: the batched form of <see cref="FindAsync"/>.</summary>
    Task<IReadOnlyList<PendingDispatch>> FindManyAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);

    Task<PendingDispatch?> FindForApplicationAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically leases up to <paramref name="limit"/> of the oldest due, unleased (or lease-expired) dispatches to
    /// <paramref name="owner"/> in one round trip and returns their keys; empty when none is due. Two instances never
    /// hold one dispatch at once: of two racing claims, each dispatch goes to exactly one.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically leases the dispatch under <paramref name="idempotencyKey"/> to <paramref name="owner"/>, whether due
    /// or not, with the same condition as <see cref="ClaimDueAsync"/>: false when it does not exist or another holder's
    /// lease has not lapsed yet (a worker is sending it right now).
    /// </summary>
    Task<bool> ClaimAsync(string idempotencyKey, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held by <paramref name="owner"/>; false when it was lost (lapsed and claimed by another).</summary>
    Task<bool> RenewLeaseAsync(string idempotencyKey, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up a lease still held by <paramref name="owner"/> (an instance shutting down mid-dispatch), so any instance
    /// may claim the dispatch at once, with the same key; false when it was no longer held (done, or lost).
    /// </summary>
    Task<bool> ReleaseLeaseAsync(string idempotencyKey, string owner, CancellationToken cancellationToken);
}
