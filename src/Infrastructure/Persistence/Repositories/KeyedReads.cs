using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AppBackend.Infrastructure.Persistence.Repositories;

/// <summary>
/// The reads by primary key that every submit and dispatch makes, as compiled queries: <c>DbSet.FindAsync</c> builds
/// its query expression and looks it up in EF Core's query cache on every call (benchmarks/README.md, finding 3).
/// Like <c>Find</c>, what the unit of work already tracks is the answer without a query.
/// </summary>
internal static class KeyedReads
{
    private static readonly ByKey<JobApplication> Applications = new(
        (db, id, cancellationToken) => db.JobApplications.FirstOrDefault(a => a.Id == id));

    private static readonly ByKey<PendingDispatch> Dispatches = new(
        (db, key, cancellationToken) => db.PendingDispatches.FirstOrDefault(d => d.IdempotencyKey == key));

    public static Task<JobApplication?> FindApplicationAsync(this AppDbContext db, string id, CancellationToken cancellationToken) =>
        Applications.FindAsync(db, id, cancellationToken);

    public static Task<PendingDispatch?> FindDispatchAsync(this AppDbContext db, string idempotencyKey, CancellationToken cancellationToken) =>
        Dispatches.FindAsync(db, idempotencyKey, cancellationToken);

    /// <summary>
    /// One entity type's read by its string key. A compiled query serves only the model it was first run with, so each
    /// model (one per provider's context) gets its own.
    /// </summary>
    private sealed class ByKey<TEntity>(Expression<Func<AppDbContext, string, CancellationToken, TEntity?>> query)
        where TEntity : class
    {
        private readonly ConditionalWeakTable<IModel, Func<AppDbContext, string, CancellationToken, Task<TEntity?>>> _compiled = new();

        public Task<TEntity?> FindAsync(AppDbContext db, string key, CancellationToken cancellationToken) =>
            Tracked(db, key) is { } tracked
                ? Task.FromResult<TEntity?>(tracked)
                : _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, key, cancellationToken);

        /// <summary>The tracked entity with this key; without the change detection that <c>DbSet.Local</c> would run first.</summary>
        private TEntity? Tracked(AppDbContext db, string key)
        {
            var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                return db.Set<TEntity>().Local.FindEntry(key)?.Entity;
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detecting;
            }
        }
    }
}
