using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// The one DbContext and unit of work. Each provider has a subclass of its own so that each keeps its own
/// migrations (EF Core's "migrations with multiple providers").
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IUnitOfWork
{
    public DbSet<Interview> Interviews => Set<Interview>();

    public DbSet<JobApplication> JobApplications => Set<JobApplication>();

    public DbSet<PendingDispatch> PendingDispatches => Set<PendingDispatch>();

    public DbSet<PendingAlert> PendingAlerts => Set<PendingAlert>();

    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
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

    /// <summary>Whether the provider refused the save because a unique key already exists.</summary>
    protected abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
