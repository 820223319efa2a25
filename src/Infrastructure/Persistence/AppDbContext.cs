using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Events;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// The one DbContext and unit of work. Each provider has a subclass of its own so that each keeps its own
/// migrations (EF Core's "migrations with multiple providers"). A save writes the application event log's entries
/// for the changes it commits, in the same transaction (<see cref="ApplicationEventWriter"/>). Contexts are pooled
/// (EF Core's <c>DbContext</c> pooling): a scope rents one and gives it its own writer (<see cref="RentedFor"/>), and
/// the writer goes with the scope when the context returns to the pool.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IUnitOfWork
{
    private ApplicationEventWriter? _events;

    public DbSet<Interview> Interviews => Set<Interview>();

    public DbSet<JobApplication> JobApplications => Set<JobApplication>();

    public DbSet<PendingDispatch> PendingDispatches => Set<PendingDispatch>();

    public DbSet<PendingAlert> PendingAlerts => Set<PendingAlert>();

    public DbSet<ApplicationEventEntry> ApplicationEvents => Set<ApplicationEventEntry>();

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveWithEventsAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The data was changed by another request; read it again and retry.", ex);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // The same race seen from another row: a concurrent writer inserted this key first.
            throw new ConcurrencyConflictException("Another request stored the same record first; read it again and retry.", ex);
        }
    }

    void IUnitOfWork.DiscardChanges() => ChangeTracker.Clear();

    /// <summary>This context, rented from the pool, as the unit of work of the scope whose writer is <paramref name="events"/>.</summary>
    internal AppDbContext RentedFor(ApplicationEventWriter events)
    {
        _events = events;
        return this;
    }

    /// <summary>Returns to the pool without the scope's writer (EF Core resets its own state).</summary>
    public override void Dispose()
    {
        _events = null;
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        _events = null;
        return base.DisposeAsync();
    }

    /// <summary>Writes and commits what the change tracker holds, its changes detected already: EF Core's save, unless the
    /// provider has a cheaper way to write them.</summary>
    protected virtual Task SaveDetectedChangesAsync(CancellationToken cancellationToken) => SaveChangesAsync(cancellationToken);

    /// <summary>Whether the provider refused the save because a unique key already exists.</summary>
    protected abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    /// <remarks>
    /// The change and its entries commit together (one <c>SaveChanges</c>, one transaction). Only after the commit are
    /// they announced, here and to the other instances (<see cref="ICommitBroadcast"/>), with whether the save made a
    /// dispatch owed: an announcement inside the transaction would make concurrent commits wait for each other.
    /// </remarks>
    private async Task SaveWithEventsAsync(CancellationToken cancellationToken)
    {
        var writer = _events ?? throw new InvalidOperationException("This context was made without an event writer and cannot save.");

        // One pass of change detection for both: the writer needs each application's state, and SaveChanges would
        // look at every tracked entity again (benchmarks/README.md, finding 13). The writer only adds entries.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        IReadOnlyList<ApplicationEventEntry> entries;
        bool dispatchOwed;
        try
        {
            entries = writer.Add(this);
            dispatchOwed = ChangeTracker.Entries<PendingDispatch>().Any(d => d.State == EntityState.Added);
            await SaveDetectedChangesAsync(cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }

        writer.Committed(entries, dispatchOwed);
    }
}
