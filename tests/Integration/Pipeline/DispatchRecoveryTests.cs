using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>A process that dies in the middle of a dispatch loses nothing: another instance resumes it with the same key.</summary>
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
