using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

/// <summary>
/// Claims use a conditional update as the lease: <c>UPDATE … WHERE key = @k AND (lease is free or expired)</c>.
/// The row update is atomic in both databases (PostgreSQL re-checks the condition after a concurrent commit),
/// so of two instances racing for one dispatch exactly one sees a row changed.
/// </summary>
internal sealed class DispatchQueue(AppDbContext db) : IDispatchQueue
{
    private const int CandidatesPerClaim = 8;

    public void Add(PendingDispatch dispatch) => db.PendingDispatches.Add(dispatch);

    public void Remove(PendingDispatch dispatch) => db.PendingDispatches.Remove(dispatch);

    public Task<PendingDispatch?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.PendingDispatches.FirstOrDefaultAsync(d => d.IdempotencyKey == idempotencyKey, cancellationToken);

    public Task<PendingDispatch?> FindForApplicationAsync(string applicationId, CancellationToken cancellationToken) =>
        db.PendingDispatches.FirstOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken);

    public async Task<string?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var candidates = await db.PendingDispatches.AsNoTracking()
            .Where(d => d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.DueAt)
            .Select(d => d.IdempotencyKey)
            .Take(CandidatesPerClaim)
            .ToListAsync(cancellationToken);

        foreach (var key in candidates)
        {
            if (await ClaimAsync(key, owner, now, lease, cancellationToken))
            {
                return key;
            }
        }

        return null;
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
        return released == 1;
    }
}
