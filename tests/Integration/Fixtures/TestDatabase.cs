using AppBackend.IntegrationTests.Support;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>A fresh, empty database of either provider: a SQLite file in a temp folder, or a database on the shared PostgreSQL cluster.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseKind kind, string connectionString, string? sqliteDirectory)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseKind Kind { get; }

    public string Provider => Kind == DatabaseKind.Postgres ? "postgres" : "sqlite";

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, string name)
    {
        if (kind == DatabaseKind.Postgres)
        {
            var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync(name);
            return new TestDatabase(kind, connectionString, null);
        }

        var directory = Directory.CreateTempSubdirectory("appbackend-it-").FullName;
        var path = Path.Combine(directory, $"{name}.db");
        return new TestDatabase(kind, $"Data Source={path};Default Timeout=30", directory);
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a lingering connection; the OS cleans temp folders.
            }
        }

        return ValueTask.CompletedTask;
    }
}
