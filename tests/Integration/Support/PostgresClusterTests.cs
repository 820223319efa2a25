using Npgsql;

namespace AppBackend.IntegrationTests.Support;

public sealed class PostgresClusterTests : IDisposable
{
    private readonly List<string> _scratchDirectories = [];

    [Fact]
    public async Task Shared_WhenStarted_AcceptsConnectionsOnLoopback()
    {
        var cluster = PostgresCluster.Shared;

        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);
        var version = (string?)await command.ExecuteScalarAsync();

        version.Should().StartWith("PostgreSQL ");
        connection.Host.Should().Be("127.0.0.1");
        connection.Port.Should().Be(cluster.Port);
    }

    [Fact]
    public async Task CreateDatabaseAsync_WithPrefix_ReturnsWritableDatabase()
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("cluster_smoke");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE note (id integer PRIMARY KEY, body text NOT NULL)");
        await ExecuteAsync(connection, "INSERT INTO note (id, body) VALUES (1, 'héllo wörld')");
        await using var select = new NpgsqlCommand("SELECT body FROM note WHERE id = 1", connection);
        var body = (string?)await select.ExecuteScalarAsync();

        body.Should().Be("héllo wörld");
        connection.Database.Should().MatchRegex("^cluster_smoke_[0-9a-f]{8}$");
    }

    [Fact]
    public async Task CreateDatabaseAsync_CalledTwice_CreatesDistinctDatabases()
    {
        var first = await PostgresCluster.Shared.CreateDatabaseAsync("Distinct-Check");
        var second = await PostgresCluster.Shared.CreateDatabaseAsync("Distinct-Check");

        await using var firstConnection = new NpgsqlConnection(first);
        await firstConnection.OpenAsync();
        await ExecuteAsync(firstConnection, "CREATE TABLE only_in_first (id integer)");
        await using var secondConnection = new NpgsqlConnection(second);
        await secondConnection.OpenAsync();
        await using var lookup = new NpgsqlCommand("SELECT to_regclass('only_in_first') IS NULL", secondConnection);
        var absentInSecond = (bool?)await lookup.ExecuteScalarAsync();

        first.Should().NotBe(second);
        firstConnection.Database.Should().NotBe(secondConnection.Database)
            .And.MatchRegex("^distinct_check_[0-9a-f]{8}$");
        absentInSecond.Should().BeTrue();
    }

    [Fact]
    public void Start_BinDirectoryWithoutServerBinaries_ThrowsExplainingWhatIsMissing()
    {
        var emptyDirectory = CreateScratchDirectory();

        var start = () => PostgresCluster.Start(emptyDirectory);

        start.Should().Throw<InvalidOperationException>()
            .WithMessage($"*PostgreSQL server binaries not found*{emptyDirectory}*initdb, pg_ctl, postgres*");
    }

    [Fact]
    public void ResolveBinDirectory_SeveralVersions_PicksHighestCompleteVersion()
    {
        var searchRoot = CreateScratchDirectory();
        CreateFakeBinaries(Path.Combine(searchRoot, "9.6", "bin"), "initdb", "pg_ctl", "postgres");
        CreateFakeBinaries(Path.Combine(searchRoot, "15", "bin"), "initdb", "pg_ctl", "postgres");
        CreateFakeBinaries(Path.Combine(searchRoot, "16", "bin"), "psql"); // client package only
        CreateFakeBinaries(Path.Combine(searchRoot, "not-a-version", "bin"), "initdb", "pg_ctl", "postgres");

        var binDirectory = PostgresCluster.ResolveBinDirectory(explicitDirectory: null, searchRoot);

        binDirectory.Should().Be(Path.Combine(searchRoot, "15", "bin"));
    }

    [Fact]
    public void ResolveBinDirectory_NoInstalledVersion_ThrowsWithInstallHint()
    {
        var searchRoot = CreateScratchDirectory();

        var resolve = () => PostgresCluster.ResolveBinDirectory(explicitDirectory: null, searchRoot);

        resolve.Should().Throw<InvalidOperationException>()
            .WithMessage("*PostgreSQL server binaries not found*apt-get install -y postgresql*APPBACKEND_PG_BIN*");
    }

    [Theory]
    [InlineData("Orders", "orders")]
    [InlineData("job-applications.v2", "job_applications_v2")]
    [InlineData("42", "db42")]
    [InlineData("", "db")]
    public void NormalizeDatabasePrefix_AnyInput_ReturnsLowerCaseIdentifier(string prefix, string expected)
    {
        PostgresCluster.NormalizeDatabasePrefix(prefix).Should().Be(expected);
    }

    public void Dispose()
    {
        foreach (var directory in _scratchDirectories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void CreateFakeBinaries(string directory, params string[] names)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(directory, name), string.Empty);
        }
    }

    private string CreateScratchDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("appbackend-pgtest-").FullName;
        _scratchDirectories.Add(directory);
        return directory;
    }
}
