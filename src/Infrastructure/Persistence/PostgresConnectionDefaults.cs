using System.Data.Common;
using Npgsql;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// What AppBackend asks of Npgsql unless the connection string sets it itself. <c>Max Auto Prepare</c>: a statement
/// run a few times is prepared on its connection, so PostgreSQL stops parsing and planning the same few dozen
/// statements on every request. <c>No Reset On Close</c>: a connection going back to the pool is not reset, which cost
/// the server a reset of its session state on the next use; AppBackend sets no session state (no <c>SET</c>, no
/// <c>LISTEN</c> on pooled connections). Behind a pooler in transaction mode (PgBouncer) set <c>Max Auto Prepare=0</c>.
/// </summary>
internal static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 128;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Sets(given, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the keyword is given in any of its spellings (Npgsql ignores case and spaces in keywords).</summary>
    private static bool Sets(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(k => Normalize(k) == Normalize(keyword));

    private static string Normalize(string keyword) => keyword.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
