using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// For processes that use the database without migrating it (the admin tool): is it there, with every migration this
/// build knows? Migrating stays the WebApi start-up's job (<c>Database:MigrateOnStartup</c>).
/// </summary>
public static class DatabaseReadiness
{
    /// <summary>
    /// Null when the database is ready; otherwise what is wrong, in a sentence. A SQLite file that does not exist is
    /// reported, not created (opening it would leave an empty file where a mistyped path pointed). Throws when the
    /// database cannot be reached at all.
    /// </summary>
    public static async Task<string?> FindProblemAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var inMemory = source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:";
            if (!inMemory && !File.Exists(Path.GetFullPath(source.DataSource)))
            {
                return $"The SQLite database '{Path.GetFullPath(source.DataSource)}' does not exist. Start AppBackend once to create it, or name another with --connection \"Data Source=PATH\".";
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? null
            : $"The database lacks {pending.Count} migration(s) this build expects (the newest is {pending[^1]}). Start AppBackend with Database:MigrateOnStartup=true (the default) to apply them.";
    }
}
