using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// A dispatch in flight keeps its lease, and a process that dies in the middle of one loses nothing: another instance
/// resumes it with the same key.
/// </summary>
public abstract class DispatchRecoveryTests(ApiOnlyPipelineFixture fixture) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> DispatchingInstance = new()
    {
        ["Analysis:DispatchWorkerEnabled"] = "true",
        ["Analysis:DispatchLease"] = "00:00:01.500",
    };

    public async Task InitializeAsync()
    {
        await fixture.Simulator.ResetAsync();
        await fixture.Simulator.SettingsAsync(new { autoComplete = false });

        // A test that stops its instance mid-dispatch leaves that dispatch owed; the next test's instance would claim
        // it first, and its POST would take the next test's fault.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDispatches.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dispatch_WhenTheProcessDiesDuringThePost_ResumesAfterRestartWithTheSameKey()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        await fixture.Simulator.FaultAsync(503, count: 1, hang: true);
        var doomed = await fixture.StartInstanceAsync(DispatchingInstance);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 1);
        await Eventually.GetAsync(() => PipelineSteps.RequestsForAsync(fixture.Simulator, applicationId), r => r.Length == 1, "the hanging POST");

        await fixture.StopInstanceAsync(doomed);
        (await OwedDispatchesAsync(applicationId)).Should().Be(1, "nothing was saved while the POST hung");
        (await PipelineSteps.GetApplicationAsync(recruiter, applicationId)).Status().Should().Be("queued");

        await fixture.StartInstanceAsync(DispatchingInstance);
        var awaiting = await PipelineSteps.WaitForStatusAsync(recruiter, applicationId, "awaiting_ai_analysis");

        var requests = await PipelineSteps.RequestsForAsync(fixture.Simulator, applicationId);
        requests.Should().HaveCount(2);
        requests.Select(r => r.GetProperty("idempotencyKey").GetString()).Should().AllBe($"{applicationId}-1");
        awaiting.GetProperty("videoResponses")[0].GetProperty("jobId").GetString().Should().NotBeNullOrEmpty();
        (await fixture.Simulator.JobsAsync()).Count(j => j.GetProperty("applicationId").GetString() == applicationId).Should().Be(1);
        (await OwedDispatchesAsync(applicationId)).Should().Be(0);
    }

    [Fact]
    public async Task Dispatch_WhileThePostHangs_RenewsItsLease()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        await fixture.Simulator.FaultAsync(503, count: 1, hang: true);
        // A lease long enough that a busy machine's stall cannot let it lapse between renewals (every 2 s).
        var dispatching = await fixture.StartInstanceAsync(new Dictionary<string, string?>(DispatchingInstance) { ["Analysis:DispatchLease"] = "00:00:06" });
        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 1);
        await Eventually.GetAsync(() => PipelineSteps.RequestsForAsync(fixture.Simulator, applicationId), r => r.Length == 1, "the hanging POST");
        var claimed = await LeaseUntilAsync(applicationId);

        // Renewed every third of the lease while the POST is in flight: the lease moves on, and still one claim.
        var renewed = await Eventually.GetAsync(() => LeaseUntilAsync(applicationId), until => until > claimed, "the lease to be renewed");

        renewed.Should().BeAfter(claimed!.Value);
        (await PipelineSteps.RequestsForAsync(fixture.Simulator, applicationId)).Should().HaveCount(1);
        await fixture.StopInstanceAsync(dispatching);
    }

    private async Task<DateTimeOffset?> LeaseUntilAsync(string applicationId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDispatches
            .Where(d => d.ApplicationId == applicationId).Select(d => d.LeaseUntil).SingleAsync();
    }

    private async Task<int> OwedDispatchesAsync(string applicationId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDispatches.CountAsync(d => d.ApplicationId == applicationId);
    }
}

public sealed class SqliteRecoveryPipelineFixture() : ApiOnlyPipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresRecoveryPipelineFixture() : ApiOnlyPipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteDispatchRecoveryTests(SqliteRecoveryPipelineFixture fixture)
    : DispatchRecoveryTests(fixture), IClassFixture<SqliteRecoveryPipelineFixture>;

public sealed class PostgresDispatchRecoveryTests(PostgresRecoveryPipelineFixture fixture)
    : DispatchRecoveryTests(fixture), IClassFixture<PostgresRecoveryPipelineFixture>;
