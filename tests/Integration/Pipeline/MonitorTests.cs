using AppBackend.Application.Analysis.AlertStuckJobs;
using AppBackend.IntegrationTests.Fixtures;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>When callbacks do not come: the polling fallback, and exactly one Slack alert per silent job.</summary>
public abstract class MonitorTests : IAsyncLifetime
{
    private readonly MonitorPipelineFixture _fixture;
    private readonly HttpClient _recruiter;

    protected MonitorTests(MonitorPipelineFixture fixture)
    {
        _fixture = fixture;
        _recruiter = fixture.Client(TestTokens.Recruiter());
    }

    public async Task InitializeAsync() => await _fixture.Simulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Poll_WhenCallbacksAreDropped_CompletesTheApplicationFromTheJobStatus()
    {
        await _fixture.Simulator.SettingsAsync(new { autoComplete = true, completeAfterMs = 50, deliverCallbacks = false, score = 72 });

        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 2);
        var completed = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "completed");

        completed.GetProperty("overallScore").GetDouble().Should().Be(72);
        completed.GetProperty("aiAnalysisResults").GetArrayLength().Should().Be(2);
        var jobIds = completed.GetProperty("videoResponses").EnumerateArray().Select(v => v.GetProperty("jobId").GetString()).ToList();
        (await _fixture.Simulator.CallbacksAsync()).Where(c => jobIds.Contains(c.GetProperty("jobId").GetString()))
            .Should().BeEmpty("every callback was dropped, so only polling can have completed it");
    }

    [Fact]
    public async Task Alert_ForASilentJob_IsPostedOnceEvenAfterAFailedPost()
    {
        await _fixture.Simulator.SettingsAsync(new { autoComplete = false, deliverCallbacks = false });
        _fixture.Slack.FailNext(1);
        var attemptsBefore = _fixture.Slack.Attempts;

        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        var video = VideoJob.From(awaiting.GetProperty("videoResponses")[0]);
        var alerts = await Eventually.GetAsync(
            () => Task.FromResult(_fixture.Slack.Bodies.Where(b => b.Contains(video.JobId, StringComparison.Ordinal)).ToList()),
            found => found.Count > 0,
            "the stuck-job alert");

        for (var i = 0; i < 3; i++)
        {
            (await SendAsync(new AlertStuckJobsCommand())).Should().Be(0, "the job was alerted on already");
        }

        alerts.Should().ContainSingle();
        var text = alerts[0];
        text.Should().Contain(applicationId).And.Contain(video.Id).And.Contain(video.JobId).And.Contain("minutes");
        (_fixture.Slack.Attempts - attemptsBefore).Should().BeGreaterThanOrEqualTo(2, "the first post failed and was tried again");
        _fixture.Slack.Bodies.Count(b => b.Contains(video.JobId, StringComparison.Ordinal)).Should().Be(1);
    }

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }
}

/// <summary>Jobs go silent quickly here: polled after 0.3 s, alerted on after 1 s.</summary>
public abstract class MonitorPipelineFixture(DatabaseKind kind) : PipelineFixture(kind)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Analysis:PollAfter"] = "00:00:00.300",
        ["Analysis:PollInterval"] = "00:00:00.100",
        ["Analysis:AlertAfter"] = "00:00:01",
    };
}

public sealed class SqliteMonitorPipelineFixture() : MonitorPipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresMonitorPipelineFixture() : MonitorPipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteMonitorTests(SqliteMonitorPipelineFixture fixture) : MonitorTests(fixture), IClassFixture<SqliteMonitorPipelineFixture>;

public sealed class PostgresMonitorTests(PostgresMonitorPipelineFixture fixture) : MonitorTests(fixture), IClassFixture<PostgresMonitorPipelineFixture>;
