using AppBackend.Application.Common.Events;
using AppBackend.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AppBackend.Infrastructure.Persistence;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ApplicationEventWriter? events = null)
    : AppDbContext(options, events)
{
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// <c>NOTIFY</c> in the committing transaction: PostgreSQL delivers it to every listening instance at the commit,
    /// and never for a transaction that rolls back.
    /// </summary>
    /// <remarks>One statement for all of a save's entries (a group commit saves many): one round trip, not one each.</remarks>
    protected override async Task AnnounceInTransactionAsync(IReadOnlyList<ApplicationEventEntry> entries, CancellationToken cancellationToken)
    {
        var payloads = entries.Select(e => EventAnnouncement.Format(e.ApplicationId, e.Version)).ToArray();
        await Database.ExecuteSqlAsync(
            $"SELECT pg_notify({EventAnnouncement.Channel}, payload) FROM unnest({payloads}) WITH ORDINALITY AS p(payload, n) ORDER BY n",
            cancellationToken);
    }
}
