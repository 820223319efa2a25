namespace AppBackend.Domain.Common;

/// <summary>Commits every change tracked in one business operation atomically.</summary>
public interface IUnitOfWork
{
    /// <exception cref="ConcurrencyConflictException">Another writer changed an aggregate first.</exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every loaded aggregate and unsaved change, so the next read sees the database afresh (after a conflict).</summary>
    void DiscardChanges();
}
