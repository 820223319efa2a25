using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// Issue 14, cold start: the migrations run once the server listens. The real process is live at once, ready only
/// once its database is migrated; a request that comes earlier waits for the migration instead of meeting a schema
/// half made; a migration that fails still ends the process with an error. The migration is held back by a lock the
/// test takes on the database itself (SQLite: an exclusive transaction on the new file; PostgreSQL: the migrations
/// history table locked), so nothing here waits on a clock.
/// </summary>
public abstract class DatabaseStartupTests(DatabaseKind kind)
{
    [Fact]
    public async Task Start_WhileTheMigrationIsHeldBack_IsLiveNotReadyAndRequestsWaitForIt()
    {
        await using var database = await TestDatabase.CreateAsync(kind, "database-startup");
        await using var holder = await HoldMigrationBackAsync(database);
        var port = FreeTcpPort.Pick();
        await using var process = WebApiProcess.Start(ProcessEnvironment(port, database.Provider, database.ConnectionString));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };

        await Eventually.GetAsync(() => StatusAsync(client, "/health/live"), s => s == HttpStatusCode.OK, $"/health/live to answer: {process.AllOutput}");
        (await StatusAsync(client, "/health/ready")).Should().Be(HttpStatusCode.ServiceUnavailable, "the database is not migrated yet");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/interviews");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Recruiter());
        var early = client.SendAsync(request);
        (await StatusAsync(client, "/health/ready")).Should().Be(HttpStatusCode.ServiceUnavailable);
        early.IsCompleted.Should().BeFalse("a request waits for the migration");

        await holder.DisposeAsync();

        await Eventually.GetAsync(() => StatusAsync(client, "/health/ready"), s => s == HttpStatusCode.OK, $"/health/ready once migrated: {process.AllOutput}");
        using var answer = await early;
        answer.StatusCode.Should().Be(HttpStatusCode.OK, "it was served once the schema was there");
    }

    [Fact]
    public async Task Start_WhenTheMigrationFails_EndsTheProcessWithAnError()
    {
        var port = FreeTcpPort.Pick();
        await using var process = WebApiProcess.Start(ProcessEnvironment(port, kind == DatabaseKind.Postgres ? "postgres" : "sqlite", UnreachableDatabase()));

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("an instance whose migration failed stops: {0}", process.AllOutput);

        process.ExitCode.Should().NotBe(0);
        process.AllOutput.Should().Contain("Migrating the database at start failed");
    }

    private string UnreachableDatabase() => kind == DatabaseKind.Postgres
        ? $"Host=127.0.0.1;Port={FreeTcpPort.Pick()};Database=nowhere;Username=app;Password=unused;Timeout=3"
        : $"Data Source={Path.Combine(Path.GetTempPath(), $"no-such-directory-{Guid.NewGuid():N}", "app.db")}";

    /// <summary>A lock that the start's first read of the migrations waits behind until it is disposed.</summary>
    private async Task<DbConnection> HoldMigrationBackAsync(TestDatabase database)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            // A new file in rollback-journal mode: an exclusive transaction keeps every other connection out. Not pooled,
            // so that disposing the connection closes it and the lock goes with it.
            var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
            await sqlite.OpenAsync();
            await using var exclusive = new SqliteCommand("BEGIN EXCLUSIVE;", sqlite);
            await exclusive.ExecuteNonQueryAsync();
            return sqlite;
        }

        // Migrated, then the history table locked: the start's check for pending migrations reads it and waits.
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await postgres.OpenAsync();
        await using var locked = new NpgsqlCommand("""BEGIN; LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE;""", postgres);
        await locked.ExecuteNonQueryAsync();
        return postgres;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment(int port, string provider, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Database__Provider"] = provider,
        ["ConnectionStrings__Default"] = connectionString,
        ["Auth__SigningKey"] = TestTokens.SigningKey,
        ["Auth__Issuer"] = TestTokens.Issuer,
        ["Auth__Audience"] = TestTokens.Audience,
        ["AI_BACKEND_URL"] = "http://127.0.0.1:9",
        ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
        ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
        ["PUBLIC_BASE_URL"] = "http://127.0.0.1:9",
        ["Media__SigningKey"] = TestSecrets.MediaSigningKey,
        ["Media__Root"] = Directory.CreateTempSubdirectory("appbackend-media-").FullName,
        ["Analysis__DispatchWorkerEnabled"] = "false",
        ["Analysis__MonitorWorkerEnabled"] = "false",
    };
}

public sealed class SqliteDatabaseStartupTests() : DatabaseStartupTests(DatabaseKind.Sqlite);

public sealed class PostgresDatabaseStartupTests() : DatabaseStartupTests(DatabaseKind.Postgres);
