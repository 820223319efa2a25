using AppBackend.Infrastructure.Persistence;
using Npgsql;

namespace AppBackend.UnitTests.Infrastructure.Persistence;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Apply_ToAPlainConnectionString_PreparesStatementsAndSkipsTheReset_KeepingEverythingElse()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Port=5433;Database=app;Username=app;Password=secret"));

        applied.MaxAutoPrepare.Should().Be(PostgresConnectionDefaults.MaxAutoPrepare);
        applied.NoResetOnClose.Should().BeTrue();
        (applied.Host, applied.Port, applied.Database, applied.Username, applied.Password).Should().Be(("db", 5433, "app", "app", "secret"));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NORESETONCLOSE=false")]
    public void Apply_WhenTheConnectionStringSetsThem_KeepsTheOperatorsValues(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        applied.MaxAutoPrepare.Should().Be(0);
        applied.NoResetOnClose.Should().BeFalse();
    }
}
