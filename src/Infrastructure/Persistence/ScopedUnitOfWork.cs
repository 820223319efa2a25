using AppBackend.Domain.Common;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// The scope's <see cref="IUnitOfWork"/>: its rented <see cref="AppDbContext"/>, behind a class that is not disposable.
/// The container disposes whatever a factory registration returns, so a second registration returning the context
/// had it disposed twice at the scope's end; a pooled context disposed the second time after another scope rented it
/// went back to the pool under that scope, and two scopes then shared one context and its connection.
/// </summary>
internal sealed class ScopedUnitOfWork(AppDbContext db) : IUnitOfWork
{
    private readonly IUnitOfWork _context = db;

    public Task SaveChangesAsync(CancellationToken cancellationToken) => _context.SaveChangesAsync(cancellationToken);

    public void DiscardChanges() => _context.DiscardChanges();
}
