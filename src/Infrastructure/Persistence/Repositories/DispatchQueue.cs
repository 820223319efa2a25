using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

/// <summary>
/// Claims use a conditional update as the lease: <c>UPDATE … WHERE (lease is free or expired)</c>.
/// The row update is atomic in both databases (PostgreSQL re-checks the condition after a concurrent commit),
/// so of two instances racing for one dispatch exactly one sees a row changed. A lease handed back is announced to
/// the other instances, whose workers may take the dispatch at once.
/// </summary>
internal sealed class DispatchQueue(AppDbContext db, ICommitBroadcast others) : IDispatchQueue
{
    public void Add(PendingDispatch dispatch) => db.PendingDispatches.Add(dispatch);

    public void Remove(PendingDispatch dispatch) => db.PendingDispatches.Remove(dispatch);

    /// <summary>The tracked record when this unit of work already loaded it (as a dispatch does before recording), else one compiled query.</summary>
    public Task<PendingDispatch?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.FindDispatchAsync(idempotencyKey, cancellationToken);

    public async Task<IReadOnlyList<PendingDispatch>> FindManyAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken) =>
        await db.PendingDispatches.Where(d => idempotencyKeys.Contains(d.IdempotencyKey)).ToListAsync(cancellationToken);

    public Task<PendingDispatch?> FindForApplicationAsync(string applicationId, CancellationToken cancellationToken) =>
        db.PendingDispatches.FirstOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken);

    /// <summary>
    /// One statement, so one round trip and one commit for the whole batch. PostgreSQL: the due rows are locked
    /// <c>FOR UPDATE SKIP LOCKED</c> (rows another claim is locking are passed over, not waited for; a row another claim
    /// committed meanwhile is re-checked against the lease condition and dropped). SQLite: a single writer runs the
    /// whole <c>UPDATE</c>, its subquery included, so nothing can claim in between.
    /// </summary>
    public async Task<IReadOnlyList<string>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var leaseUntil = now + lease;
        var claim = db is PostgresAppDbContext
            ? db.Database.SqlQuery<string>($"""
                UPDATE pending_dispatches AS d
                SET "LeaseOwner" = {owner}, "LeaseUntil" = {leaseUntil}, "Claims" = d."Claims" + 1
                FROM (
                    SELECT "IdempotencyKey" FROM pending_dispatches
                    WHERE "DueAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "DueAt"
                    LIMIT {limit}
                    FOR UPDATE SKIP LOCKED) AS due
                WHERE d."IdempotencyKey" = due."IdempotencyKey"
                RETURNING d."IdempotencyKey" AS "Value"
                """)
            : db.Database.SqlQuery<string>($"""
                UPDATE pending_dispatches
                SET "LeaseOwner" = {owner}, "LeaseUntil" = {leaseUntil.UtcTicks}, "Claims" = "Claims" + 1
                WHERE "IdempotencyKey" IN (
                    SELECT "IdempotencyKey" FROM pending_dispatches
                    WHERE "DueAt" <= {now.UtcTicks} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now.UtcTicks})
                    ORDER BY "DueAt"
                    LIMIT {limit})
                RETURNING "IdempotencyKey" AS "Value"
                """);
        return await claim.ToListAsync(cancellationToken);
    }

    public async Task<bool> ClaimAsync(string idempotencyKey, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var leaseUntil = now + lease;
        var claimed = await db.PendingDispatches
            .Where(d => d.IdempotencyKey == idempotencyKey && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => d.LeaseOwner, owner)
                    .SetProperty(d => d.LeaseUntil, leaseUntil)
                    .SetProperty(d => d.Claims, d => d.Claims + 1),
                cancellationToken);
        return claimed == 1;
    }

    public async Task<bool> RenewLeaseAsync(
        string idempotencyKey, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var leaseUntil = now + lease;
        var renewed = await db.PendingDispatches
            .Where(d => d.IdempotencyKey == idempotencyKey && d.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseUntil, leaseUntil), cancellationToken);
        return renewed == 1;
    }

    public async Task<bool> ReleaseLeaseAsync(string idempotencyKey, string owner, CancellationToken cancellationToken)
    {
        var released = await db.PendingDispatches
            .Where(d => d.IdempotencyKey == idempotencyKey && d.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
        if (released == 1)
        {
            others.Committed([], dispatchOwed: true);
        }

        return released == 1;
    }
}
