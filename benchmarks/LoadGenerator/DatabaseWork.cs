using System.Globalization;

namespace AppBackend.LoadGenerator;

/// <summary>
/// The cluster's next transaction id (every writing transaction takes one; a read-only one does not, and needs no WAL
/// flush at its commit) and its WAL position: both exact at once, unlike the statistics views. Also the autovacuum
/// and autoanalyze runs finished so far (statistics views, so only once a run ends): one during a measured window
/// takes the database's CPU from the load being measured.
/// </summary>
public readonly record struct DatabaseWork(long TransactionIds, long WalBytes, long AutoMaintenanceRuns)
{
    public static async Task<DatabaseWork> ReadAsync(Seeder seeder)
    {
        var row = (await seeder.RowsAsync(
            "SELECT pg_current_xact_id()::text::bigint, pg_current_wal_lsn() - '0/0'::pg_lsn, " +
            "(SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables)"))[0];
        return new DatabaseWork(
            long.Parse(row[0], CultureInfo.InvariantCulture), (long)decimal.Parse(row[1], CultureInfo.InvariantCulture), long.Parse(row[2], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The writing transactions, WAL bytes and finished autovacuum/autoanalyze runs between <paramref name="before"/>
    /// and this reading (whose own transaction id is not counted).
    /// </summary>
    public (long WritingTransactions, long WalBytes, long AutoMaintenanceRuns) Since(DatabaseWork before) =>
        (TransactionIds - before.TransactionIds - 1, WalBytes - before.WalBytes, AutoMaintenanceRuns - before.AutoMaintenanceRuns);
}
