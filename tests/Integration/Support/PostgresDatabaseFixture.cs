namespace AppBackend.IntegrationTests.Support;

/// <summary>
/// Class fixture giving a test class its own database on <see cref="PostgresCluster.Shared"/>. Works without
/// any xunit collection: each class that uses it gets a fresh database; all of them share the one cluster.
/// </summary>
/// <example><code>public sealed class OrderRepositoryTests(PostgresDatabaseFixture database)
///     : IClassFixture&lt;PostgresDatabaseFixture&gt;</code></example>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>The connection string of this fixture's database.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>The cluster the database lives on.</summary>
    public PostgresCluster Cluster => PostgresCluster.Shared;

    public async Task InitializeAsync() =>
        _connectionString = await Cluster.CreateDatabaseAsync("test");

    // The database goes with the cluster at process exit; dropping it here would only cost time.
    public Task DisposeAsync() => Task.CompletedTask;
}
