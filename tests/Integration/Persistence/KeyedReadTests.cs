using System.Net;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// The reads by key (compiled queries, one per model: both providers' models live in this one test process) return
/// the whole aggregate, null for a key nothing has, and, as <c>DbSet.Find</c> did, what the unit of work already
/// tracks without a second query: the row is deleted behind its back, and the tracked instance is still the answer.
/// </summary>
public abstract class KeyedReadTests(ApiFixture fixture)
{
    [Fact]
    public async Task FindApplication_ReadsTheAggregateOnce_ThenAnswersWithTheTrackedInstance()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, draft) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount: 2);
        var id = draft.Id();

        var (first, second) = await FindAroundADeleteAsync<IJobApplicationRepository, JobApplication>(
            applications => applications.FindAsync(id, CancellationToken.None),
            db => db.JobApplications.Where(a => a.Id == id).ExecuteDeleteAsync());

        first.Should().NotBeNull();
        first!.VideoResponses.Should().HaveCount(2);
        second.Should().BeSameAs(first);
        (await FindAsync<IJobApplicationRepository, JobApplication>(a => a.FindAsync("0190aa00000070000000000000000999", CancellationToken.None))).Should().BeNull();
    }

    [Fact]
    public async Task FindDispatch_ReadsTheOwedDispatchOnce_ThenAnswersWithTheTrackedInstance()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, draft) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount: 1);
        var id = draft.Id();
        await (await recruiter.PostAsync($"/api/applications/{id}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var key = $"{id}-1";

        var (first, second) = await FindAroundADeleteAsync<IDispatchQueue, PendingDispatch>(
            queue => queue.FindAsync(key, CancellationToken.None),
            db => db.PendingDispatches.Where(d => d.IdempotencyKey == key).ExecuteDeleteAsync());

        first.Should().NotBeNull();
        first!.ApplicationId.Should().Be(id);
        second.Should().BeSameAs(first);
        (await FindAsync<IDispatchQueue, PendingDispatch>(q => q.FindAsync($"{id}-2", CancellationToken.None))).Should().BeNull();
    }

    /// <summary>Two finds in one unit of work, the row deleted behind its back (by another unit of work) in between.</summary>
    private async Task<(TEntity? First, TEntity? Second)> FindAroundADeleteAsync<TService, TEntity>(
        Func<TService, Task<TEntity?>> find, Func<AppDbContext, Task<int>> delete)
        where TService : notnull
        where TEntity : class
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<TService>();
        var first = await find(service);
        await using (var other = fixture.Factory.Services.CreateAsyncScope())
        {
            (await delete(other.ServiceProvider.GetRequiredService<AppDbContext>())).Should().Be(1);
        }

        return (first, await find(service));
    }

    private async Task<TEntity?> FindAsync<TService, TEntity>(Func<TService, Task<TEntity?>> find)
        where TService : notnull
        where TEntity : class
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await find(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

public sealed class SqliteKeyedReadFixture() : ApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresKeyedReadFixture() : ApiFixture(DatabaseKind.Postgres);

public sealed class SqliteKeyedReadTests(SqliteKeyedReadFixture fixture) : KeyedReadTests(fixture), IClassFixture<SqliteKeyedReadFixture>;

public sealed class PostgresKeyedReadTests(PostgresKeyedReadFixture fixture) : KeyedReadTests(fixture), IClassFixture<PostgresKeyedReadFixture>;
