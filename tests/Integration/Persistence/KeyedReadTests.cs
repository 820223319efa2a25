using System.Net;
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
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IJobApplicationRepository>();

        var first = await applications.FindAsync(id, CancellationToken.None);
        await DeleteBehindTheUnitOfWorkAsync(db => db.JobApplications.Where(a => a.Id == id).ExecuteDeleteAsync());
        var second = await applications.FindAsync(id, CancellationToken.None);

        first.Should().NotBeNull();
        first!.VideoResponses.Should().HaveCount(2);
        second.Should().BeSameAs(first);
        (await applications.FindAsync("0190aa00000070000000000000000999", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task FindDispatch_ReadsTheOwedDispatchOnce_ThenAnswersWithTheTrackedInstance()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, draft) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount: 1);
        var id = draft.Id();
        await (await recruiter.PostAsync($"/api/applications/{id}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var key = $"{id}-1";
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();

        var first = await queue.FindAsync(key, CancellationToken.None);
        await DeleteBehindTheUnitOfWorkAsync(db => db.PendingDispatches.Where(d => d.IdempotencyKey == key).ExecuteDeleteAsync());
        var second = await queue.FindAsync(key, CancellationToken.None);

        first.Should().NotBeNull();
        first!.ApplicationId.Should().Be(id);
        second.Should().BeSameAs(first);
        (await queue.FindAsync($"{id}-2", CancellationToken.None)).Should().BeNull();
    }

    private async Task DeleteBehindTheUnitOfWorkAsync(Func<AppDbContext, Task<int>> delete)
    {
        await using var other = fixture.Factory.Services.CreateAsyncScope();
        (await delete(other.ServiceProvider.GetRequiredService<AppDbContext>())).Should().Be(1);
    }
}

public sealed class SqliteKeyedReadFixture() : ApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresKeyedReadFixture() : ApiFixture(DatabaseKind.Postgres);

public sealed class SqliteKeyedReadTests(SqliteKeyedReadFixture fixture) : KeyedReadTests(fixture), IClassFixture<SqliteKeyedReadFixture>;

public sealed class PostgresKeyedReadTests(PostgresKeyedReadFixture fixture) : KeyedReadTests(fixture), IClassFixture<PostgresKeyedReadFixture>;
