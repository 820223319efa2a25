using System.Runtime.CompilerServices;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AppBackend.Infrastructure.Persistence.Repositories;

/// <summary>
/// The reads by primary key that every submit and dispatch makes, as compiled queries: <c>DbSet.FindAsync</c> builds
/// its query expression and looks it up in EF Core's query cache on every call (benchmarks/README.md, finding 3).
/// Like <c>Find</c>, what the unit of work already tracks is the answer without a query. A compiled query serves only
/// the model it was first run with, so each model (one per provider's context) gets its own.
/// </summary>
internal static class KeyedReads
{
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, string, CancellationToken, Task<JobApplication?>>> Applications = new();
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, string, CancellationToken, Task<PendingDispatch?>>> Dispatches = new();

    public static Task<JobApplication?> FindApplicationAsync(this AppDbContext db, string id, CancellationToken cancellationToken) =>
        Tracked(db, db.JobApplications, id) is { } tracked
            ? Task.FromResult<JobApplication?>(tracked)
            : Applications.GetValue(db.Model, static _ => ApplicationById())(db, id, cancellationToken);

    public static Task<PendingDispatch?> FindDispatchAsync(this AppDbContext db, string idempotencyKey, CancellationToken cancellationToken) =>
        Tracked(db, db.PendingDispatches, idempotencyKey) is { } tracked
            ? Task.FromResult<PendingDispatch?>(tracked)
            : Dispatches.GetValue(db.Model, static _ => DispatchByKey())(db, idempotencyKey, cancellationToken);

    private static Func<AppDbContext, string, CancellationToken, Task<JobApplication?>> ApplicationById() =>
        EF.CompileAsyncQuery((AppDbContext db, string id, CancellationToken cancellationToken) =>
            db.JobApplications.FirstOrDefault(a => a.Id == id));

    private static Func<AppDbContext, string, CancellationToken, Task<PendingDispatch?>> DispatchByKey() =>
        EF.CompileAsyncQuery((AppDbContext db, string idempotencyKey, CancellationToken cancellationToken) =>
            db.PendingDispatches.FirstOrDefault(d => d.IdempotencyKey == idempotencyKey));

    /// <summary>The tracked entity with this key; without the change detection that <c>DbSet.Local</c> would run first.</summary>
    private static TEntity? Tracked<TEntity>(AppDbContext db, DbSet<TEntity> set, string key)
        where TEntity : class
    {
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return set.Local.FindEntry(key)?.Entity;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
