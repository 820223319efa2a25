using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// The dispatch worker's batch claim (<see cref="IDispatchQueue.ClaimDueAsync"/>): one statement leases many owed
/// dispatches, and of instances claiming at the same time each dispatch goes to exactly one.
/// </summary>
public abstract class DispatchClaimTests(ApiFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public async Task InitializeAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDispatches.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ClaimDue_TwoInstancesRacing_HandEachDispatchToExactlyOne()
    {
        var now = DateTimeOffset.UtcNow;
        var keys = await OweAsync(Enumerable.Range(0, 300).Select(i => ($"race-{i:D3}-1", now.AddMilliseconds(-i))));
        await using var second = new AppBackendFactory(fixture.Database.Provider, fixture.Database.ConnectionString);
        second.StartServer();

        // Four claimers per instance, each with its own scope (context and connection), until nothing is left.
        var claimers = new[] { fixture.Factory, second }
            .SelectMany((instance, i) => Enumerable.Range(0, 4).Select(j => ClaimUntilEmptyAsync(instance, $"instance-{i}/claimer-{j}", now)))
            .ToList();
        var claims = await Task.WhenAll(claimers);

        var all = claims.SelectMany(c => c.Keys).ToList();
        all.Should().OnlyHaveUniqueItems("no dispatch is handed to two claimers");
        all.Should().BeEquivalentTo(keys, "every due dispatch is claimed");
        var rows = await RowsAsync();
        rows.Should().AllSatisfy(r => r.Claims.Should().Be(1));
        foreach (var (owner, claimed) in claims)
        {
            rows.Where(r => claimed.Contains(r.IdempotencyKey)).Should().AllSatisfy(r => r.LeaseOwner.Should().Be(owner));
        }
    }

    [Fact]
    public async Task ClaimDue_TakesOnlyDueUnleasedOrLapsed_OldestFirst_UpToTheLimit()
    {
        var now = DateTimeOffset.UtcNow;
        await OweAsync(
        [
            ("oldest-1", now.AddMinutes(-5)), ("older-1", now.AddMinutes(-4)), ("old-1", now.AddMinutes(-3)),
            ("held-1", now.AddMinutes(-6)), ("lapsed-1", now.AddMinutes(-7)), ("future-1", now.AddMinutes(1)),
        ]);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
            (await queue.ClaimAsync("held-1", "elsewhere", now, Lease, CancellationToken.None)).Should().BeTrue();
            (await queue.ClaimAsync("lapsed-1", "crashed", now - (2 * Lease), Lease, CancellationToken.None)).Should().BeTrue();
        }

        var first = await ClaimAsync(fixture.Factory, "me", now, limit: 3);
        var rest = await ClaimAsync(fixture.Factory, "me", now, limit: 10);
        var nothing = await ClaimAsync(fixture.Factory, "me", now, limit: 10);

        first.Should().BeEquivalentTo("lapsed-1", "oldest-1", "older-1");
        rest.Should().BeEquivalentTo("old-1");
        nothing.Should().BeEmpty();
        var rows = (await RowsAsync()).ToDictionary(r => r.IdempotencyKey);
        rows["held-1"].LeaseOwner.Should().Be("elsewhere");
        rows["future-1"].LeaseOwner.Should().BeNull();
        rows["lapsed-1"].Claims.Should().Be(2, "claimed by the crashed worker, then again");
        rows["oldest-1"].LeaseUntil.Should().BeCloseTo(now + Lease, TimeSpan.FromMilliseconds(1), "PostgreSQL keeps microseconds");
    }

    private static async Task<(string Owner, List<string> Keys)> ClaimUntilEmptyAsync(AppBackendFactory instance, string owner, DateTimeOffset now)
    {
        var claimed = new List<string>();
        while (true)
        {
            var batch = await ClaimAsync(instance, owner, now, limit: 7);
            if (batch.Count == 0)
            {
                return (owner, claimed);
            }

            claimed.AddRange(batch);
        }
    }

    protected static async Task<IReadOnlyList<string>> ClaimAsync(AppBackendFactory instance, string owner, DateTimeOffset now, int limit)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDispatchQueue>().ClaimDueAsync(owner, now, Lease, limit, CancellationToken.None);
    }

    protected async Task<List<string>> OweAsync(IEnumerable<(string Key, DateTimeOffset DueAt)> dispatches)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owed = dispatches.Select(d => new PendingDispatch(d.Key, d.Key[..d.Key.LastIndexOf('-')], d.DueAt)).ToList();
        db.PendingDispatches.AddRange(owed);
        await db.SaveChangesAsync();
        return [.. owed.Select(d => d.IdempotencyKey)];
    }

    private async Task<List<PendingDispatch>> RowsAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDispatches.AsNoTracking().ToListAsync();
    }
}

public sealed class SqliteDispatchClaimFixture() : ApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresDispatchClaimFixture() : ApiFixture(DatabaseKind.Postgres);

public sealed class SqliteDispatchClaimTests(SqliteDispatchClaimFixture fixture)
    : DispatchClaimTests(fixture), IClassFixture<SqliteDispatchClaimFixture>;

public sealed class PostgresDispatchClaimTests(PostgresDispatchClaimFixture fixture)
    : DispatchClaimTests(fixture), IClassFixture<PostgresDispatchClaimFixture>
{
    private readonly PostgresDispatchClaimFixture _fixture = fixture;

    /// <summary>A row another transaction is locking (a claim in progress elsewhere) is passed over, not waited for.</summary>
    [Fact]
    public async Task ClaimDue_WhileAnotherTransactionLocksARow_SkipsItWithoutWaiting()
    {
        var now = DateTimeOffset.UtcNow;
        await OweAsync([("locked-1", now.AddMinutes(-2)), ("free-1", now.AddMinutes(-1))]);
        await using var connection = new NpgsqlConnection(_fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var lockRow = new NpgsqlCommand("""SELECT 1 FROM pending_dispatches WHERE "IdempotencyKey" = 'locked-1' FOR UPDATE""", connection, transaction))
            {
                await lockRow.ExecuteScalarAsync();
            }

            (await ClaimAsync(_fixture.Factory, "me", now, limit: 10)).Should().Equal("free-1");
            await transaction.RollbackAsync();
        }

        (await ClaimAsync(_fixture.Factory, "me", now, limit: 10)).Should().Equal("locked-1");
    }
}
