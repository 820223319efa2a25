namespace AppBackend.Infrastructure.Persistence;

/// <summary>How a <see cref="GroupCommit{TItem,TResult}"/> runs: set per database provider, not configured.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>
    /// Batches done at once. PostgreSQL: two, so that one batch reads and decides while the other waits for its commit
    /// (a third only added transactions: benchmarks/README.md, finding 15). SQLite has one writer: one.
    /// </summary>
    public int BatchesInFlight { get; set; } = 1;

    public static int BatchesInFlightFor(string provider) => provider == DatabaseProvider.Postgres ? 2 : 1;
}
