using Npgsql;

namespace AppBackend.IntegrationTests.Support;

public sealed class PostgresDatabaseFixtureTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ConnectionString_AfterInitialize_PointsAtOwnDatabaseOnSharedCluster()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        var name = (string?)await command.ExecuteScalarAsync();

        name.Should().MatchRegex("^test_[0-9a-f]{8}$");
        connection.Port.Should().Be(PostgresCluster.Shared.Port);
    }
}
