using AppBackend.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AppBackend.Infrastructure.Persistence;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, ApplicationEventWriter? events = null)
    : AppDbContext(options, events)
{
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
