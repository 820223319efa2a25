using AppBackend.Infrastructure.Persistence.SetSave;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AppBackend.Infrastructure.Persistence;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Set by set (<see cref="SetSavePlan"/>) when it can, else EF Core's statement per row.</summary>
    protected override async Task SaveDetectedChangesAsync(CancellationToken cancellationToken)
    {
        if (SetSavePlan.Of(ChangeTracker) is not { } plan)
        {
            await base.SaveDetectedChangesAsync(cancellationToken);
            return;
        }

        await plan.WriteAsync(Database, cancellationToken);
        plan.Accept(ChangeTracker);
    }

    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
