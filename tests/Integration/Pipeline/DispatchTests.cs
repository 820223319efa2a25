using System.Text.Json;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Common.Alerts;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>Issue 3 over real HTTP: AppBackend dispatching to the AI backend simulator, through every failure of contract section 3.</summary>
public abstract class DispatchTests : IAsyncLifetime
{
    private readonly PipelineFixture _fixture;
    private readonly HttpClient _recruiter;

    protected DispatchTests(PipelineFixture fixture)
    {
        _fixture = fixture;
        _recruiter = fixture.Client(TestTokens.Recruiter());
    }

    public async Task InitializeAsync()
    {
        await _fixture.Simulator.ResetAsync();
        await _fixture.Simulator.SettingsAsync(new { autoComplete = false });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dispatch_AfterSubmit_SendsTheContractPayloadAndStoresTheJobIds()
    {
        var (interview, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 2);

        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");

        var request = (await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId)).Should().ContainSingle().Subject;
        request.GetProperty("idempotencyKey").GetString().Should().Be($"{applicationId}-1");
        var jwt = request.GetProperty("jwt");
        jwt.GetProperty("iss").GetString().Should().Be("app-backend");
        jwt.GetProperty("aud").GetString().Should().Be("ai-backend");
        jwt.GetProperty("jti").GetString().Should().NotBeNullOrEmpty();
        (ToTime(jwt.GetProperty("exp")) - ToTime(jwt.GetProperty("iat"))).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(15));

        var body = request.GetProperty("body");
        var meta = body.GetProperty("meta");
        meta.GetProperty("apiVersion").GetString().Should().Be("1.0.0");
        meta.GetProperty("requestId").GetString().Should().NotBeNullOrEmpty().And.Be(request.GetProperty("requestId").GetString());
        meta.GetProperty("callbackUrl").GetString().Should().Be($"{_fixture.App.Setting("PUBLIC_BASE_URL")}/webhooks/analysis-ready");

        var application = body.GetProperty("application");
        application.GetProperty("id").GetString().Should().Be(applicationId);
        var candidate = application.GetProperty("candidate");
        candidate.GetProperty("fullName").GetString().Should().Be("Ayşe Yılmaz");
        candidate.GetProperty("email").GetString().Should().Be("ayse@example.com");
        candidate.GetProperty("phone").GetString().Should().Be("+90 555 000 00 00");
        candidate.GetProperty("cvUrl").GetString().Should().Be("https://files.example.com/cv/ayse.pdf");

        var sentInterview = body.GetProperty("interview");
        sentInterview.GetProperty("id").GetString().Should().Be(interview.Id());
        sentInterview.GetProperty("title").GetString().Should().Be(interview.GetProperty("title").GetString());
        var questions = sentInterview.GetProperty("questions").EnumerateArray().ToList();
        var expectedQuestions = interview.GetProperty("questions").EnumerateArray().ToList();
        questions.Should().HaveCount(expectedQuestions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            questions[i].GetProperty("id").GetString().Should().Be(expectedQuestions[i].Id());
            questions[i].GetProperty("text").GetString().Should().Be(expectedQuestions[i].GetProperty("text").GetString());
            questions[i].GetProperty("durationSeconds").GetInt32().Should().Be(120);
            questions[i].GetProperty("aiMetadata").GetRawText().Should().Be(expectedQuestions[i].GetProperty("aiMetadata").GetRawText());
        }

        var videos = body.GetProperty("videoResponses").EnumerateArray().ToList();
        var stored = awaiting.GetProperty("videoResponses").EnumerateArray().ToList();
        videos.Select(v => v.GetProperty("videoResponseId").GetString()).Should().BeEquivalentTo(stored.Select(v => v.Id("videoResponseId")));
        foreach (var video in videos)
        {
            video.GetProperty("url").GetString().Should().Be($"https://videos.example.com/{video.GetProperty("questionId").GetString()}.mp4");
        }

        var jobs = await _fixture.Simulator.JobsAsync();
        foreach (var video in stored)
        {
            video.GetProperty("status").GetString().Should().Be("processing");
            var job = jobs.Single(j => j.GetProperty("videoResponseId").GetString() == video.Id("videoResponseId"));
            video.GetProperty("jobId").GetString().Should().Be(job.GetProperty("jobId").GetString());
        }

        (await OwedDispatchesAsync(applicationId)).Should().Be(0);
    }

    [Fact]
    public async Task Dispatch_OfAnUploadedVideo_SendsASignedUrlTheAiBackendCanDownload()
    {
        await _fixture.Simulator.SettingsAsync(new { autoComplete = false, fetchVideos = true });
        var video = TestVideos.Mp4(3 * 1024 * 1024);
        var (applicationId, questionIds) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        await MediaRequests.UploadedAsync(_recruiter, applicationId, questionIds[0], video);
        await (await _recruiter.PostAsync($"/api/applications/{applicationId}/submit", null)).ShouldHaveStatusAsync(System.Net.HttpStatusCode.Accepted);

        await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        var job = await Eventually.GetAsync(
            async () => (await _fixture.Simulator.JobsAsync()).Single(j => j.GetProperty("applicationId").GetString() == applicationId),
            j => j.GetProperty("videoFetch") is { ValueKind: JsonValueKind.Object } fetch && !fetch.GetProperty("pending").GetBoolean(),
            "the simulator's download of the video");

        var url = job.GetProperty("videoUrl").GetString()!;
        url.Should().StartWith($"{_fixture.App.Setting("PUBLIC_BASE_URL")}/media/").And.Contain("exp=").And.Contain("sig=");
        var fetch = job.GetProperty("videoFetch");
        fetch.GetProperty("statusCode").GetInt32().Should().Be(200);
        fetch.GetProperty("bytes").GetInt64().Should().Be(video.Length);
    }

    [Fact]
    public async Task Dispatch_After503Twice_RetriesWithOneKeyFreshTokensAndGrowingWaits()
    {
        await _fixture.Simulator.FaultAsync(503, count: 2);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);

        await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");

        var requests = await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId);
        requests.Select(r => r.GetProperty("answeredStatus").GetInt32()).Should().Equal(503, 503, 202);
        requests.Select(r => r.GetProperty("idempotencyKey").GetString()).Distinct().Should().ContainSingle();
        requests.Select(r => r.GetProperty("jwt").GetProperty("jti").GetString()).Distinct().Should().HaveCount(3);
        var at = requests.Select(r => r.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        var firstWait = at[1] - at[0];
        var secondWait = at[2] - at[1];
        // Each wait is at least its own step of the growing schedule (100 ms, then 400 ms). The two measured waits are
        // not compared with each other: on a busy machine the first stretches by the scheduler's delay, which would
        // time the machine's load rather than the policy.
        firstWait.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(90));
        secondWait.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
    }

    [Fact]
    public async Task Dispatch_When500FourTimes_FailsWithRetryAllowed_AndRetryDispatchesAgain()
    {
        await _fixture.Simulator.FaultAsync(500, count: 4);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);

        var failed = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "dispatch_failed");

        failed.GetProperty("allowRetry").GetBoolean().Should().BeTrue();
        failed.GetProperty("failureReason").GetString().Should().NotBeNullOrEmpty();
        (await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId)).Select(r => r.GetProperty("answeredStatus").GetInt32())
            .Should().Equal(500, 500, 500, 500);

        var retried = await _recruiter.PostAsync($"/api/applications/{applicationId}/retry", null);
        (await retried.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Accepted)).Status().Should().Be("queued");
        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");

        awaiting.GetProperty("allowRetry").GetBoolean().Should().BeFalse();
        awaiting.GetProperty("failureReason").ValueKind.Should().Be(JsonValueKind.Null);
        var requests = await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId);
        requests.Should().HaveCount(5);
        requests[^1].GetProperty("idempotencyKey").GetString().Should().Be($"{applicationId}-2");
    }

    [Theory]
    [InlineData(400, "analysis could not be started")]
    [InlineData(401, "analysis could not be started")]
    [InlineData(403, "analysis could not be started")]
    [InlineData(409, "AI backend API version mismatch")]
    public async Task Dispatch_WhenRefused_FailsAtOnceWithTheContractsReason(int status, string reason)
    {
        await _fixture.Simulator.FaultAsync(status, count: 1);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);

        var failed = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "dispatch_failed");

        failed.GetProperty("failureReason").GetString().Should().Be(reason);
        failed.GetProperty("allowRetry").GetBoolean().Should().BeTrue();
        (await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId)).Should().ContainSingle();
    }

    [Fact]
    public async Task Dispatch_When409_AlertsSlackOnce()
    {
        await _fixture.Simulator.FaultAsync(409, count: 1);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "dispatch_failed");

        var alerts = await Eventually.GetAsync(
            () => Task.FromResult(_fixture.Slack.Bodies.Where(b => b.Contains(applicationId, StringComparison.Ordinal)).ToList()),
            found => found.Count > 0,
            "the version-mismatch alert");

        alerts.Should().ContainSingle().Which.Should().Contain("version mismatch");
        await Eventually.GetAsync(
            OwedAlertsAsync, owed => !owed.Any(a => a.Text.Contains(applicationId, StringComparison.Ordinal)), "the delivered alert to be no longer owed");
    }

    [Fact]
    public async Task Dispatch_WithTwoInstancesOnOneDatabase_SendsEachApplicationOnce()
    {
        var second = await _fixture.StartInstanceAsync();
        var secondRecruiter = _fixture.Client(TestTokens.Recruiter(), second);
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await PipelineSteps.SubmitAsync(i % 2 == 0 ? _recruiter : secondRecruiter, 1)).ApplicationId);
        }

        foreach (var id in ids)
        {
            await PipelineSteps.WaitForStatusAsync(_recruiter, id, "awaiting_ai_analysis");
        }

        await _fixture.StopInstanceAsync(second);
        var requests = (await _fixture.Simulator.RequestsAsync())
            .Where(r => ids.Any(id => r.GetProperty("idempotencyKey").GetString()!.StartsWith(id, StringComparison.Ordinal)))
            .ToList();
        requests.Should().HaveCount(ids.Count);
        requests.Select(r => r.GetProperty("idempotencyKey").GetString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    /// <summary>The admin tool's "jobs poll --job ID": the worker here waits a minute before polling, so only this call can apply it.</summary>
    public async Task Poll_ForOneJobOnDemand_AppliesItsFinalAnswer()
    {
        await _fixture.Simulator.SettingsAsync(new { autoComplete = false, deliverCallbacks = false });
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        var jobId = awaiting.GetProperty("videoResponses")[0].GetProperty("jobId").GetString()!;
        await _fixture.Simulator.CompleteJobAsync(jobId, overallScore: 88);

        await using var scope = _fixture.App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PollAnalysisJobsCommand(jobId));

        report.Should().Be(new PollReport(1, 1));
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("completed");
    }

    /// <summary>The simulator reports JWT times as ISO-8601 timestamps.</summary>
    private static DateTimeOffset ToTime(JsonElement timestamp) => timestamp.GetDateTimeOffset();

    private async Task<int> OwedDispatchesAsync(string applicationId)
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.PendingDispatches.CountAsync(d => d.ApplicationId == applicationId);
    }

    private async Task<List<PendingAlert>> OwedAlertsAsync()
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingAlerts.ToListAsync();
    }
}

public sealed class SqlitePipelineFixture() : PipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresPipelineFixture() : PipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteDispatchTests(SqlitePipelineFixture fixture) : DispatchTests(fixture), IClassFixture<SqlitePipelineFixture>;

public sealed class PostgresDispatchTests(PostgresPipelineFixture fixture) : DispatchTests(fixture), IClassFixture<PostgresPipelineFixture>;
