using System.Net;
using System.Text;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>Contract section 2 over real HTTP: signatures, answers and exactly-once, on applications the simulator really dispatched.</summary>
public abstract class WebhookTests : IAsyncLifetime
{
    private readonly PipelineFixture _fixture;
    private readonly HttpClient _recruiter;
    private readonly HttpClient _anonymous;

    protected WebhookTests(PipelineFixture fixture)
    {
        _fixture = fixture;
        _recruiter = fixture.Client(TestTokens.Recruiter());
        _anonymous = fixture.Client();
    }

    public async Task InitializeAsync()
    {
        await _fixture.Simulator.ResetAsync();
        await _fixture.Simulator.SettingsAsync(new { autoComplete = false });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-hex")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Webhook_WithAMissingOrWrongSignature_Returns401AndChangesNothing(string? signature)
    {
        var (applicationId, video) = await AwaitingAsync();
        var body = WebhookCalls.Body(video.JobId, video.Id);

        var response = await WebhookCalls.PostAsync(_anonymous, body, signature);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("awaiting_ai_analysis");
    }

    [Fact]
    public async Task Webhook_SignedWithAnotherSecret_Returns401()
    {
        var (_, video) = await AwaitingAsync();

        var response = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(video.JobId, video.Id), "a-secret-appbackend-does-not-know-0123456789");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("sha256=")]
    [InlineData("SHA256=upper")]
    public async Task Webhook_WithTheSignatureInAnotherAcceptedSpelling_IsApplied(string spelling)
    {
        var (_, video) = await AwaitingAsync();
        var body = WebhookCalls.Body(video.JobId, video.Id);
        var hex = WebhookCalls.HexSignature(body);
        var signature = spelling switch
        {
            "upper" => hex.ToUpperInvariant(),
            "sha256=" => "sha256=" + hex,
            _ => "SHA256=" + hex.ToUpperInvariant(),
        };

        var response = await WebhookCalls.PostAsync(_anonymous, body, signature);

        (await response.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
    }

    [Fact]
    public async Task Webhook_SignedWithARotatedSecret_IsAccepted()
    {
        var rotated = await _fixture.StartInstanceAsync(new Dictionary<string, string?>
        {
            ["AI_CALLBACK_SECRET"] = $"next-callback-secret-0123456789abcdefgh, {TestSecrets.CallbackSecret}",
            ["Analysis:DispatchWorkerEnabled"] = "false",
        });
        var (_, video) = await AwaitingAsync();
        var body = WebhookCalls.Body(video.JobId, video.Id);

        var withOld = await WebhookCalls.PostSignedAsync(_fixture.Client(instance: rotated), body);
        var withNew = await WebhookCalls.PostSignedAsync(_fixture.Client(instance: rotated), body, "next-callback-secret-0123456789abcdefgh");

        (await withOld.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        (await withNew.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("duplicate");
        await _fixture.StopInstanceAsync(rotated);
    }

    [Fact]
    public async Task Webhook_AsStandardWebhooks_IsAppliedWithinTheWindowAndRefusedOutsideIt()
    {
        var (_, video) = await AwaitingAsync();
        var body = WebhookCalls.Body(video.JobId, video.Id);

        var stale = await WebhookCalls.PostStandardAsync(_anonymous, body, DateTimeOffset.UtcNow.AddSeconds(-301));
        var future = await WebhookCalls.PostStandardAsync(_anonymous, body, DateTimeOffset.UtcNow.AddSeconds(301));
        var fresh = await WebhookCalls.PostStandardAsync(_anonymous, body, DateTimeOffset.UtcNow.AddSeconds(-250));

        await stale.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await future.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await fresh.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
    }

    [Fact]
    public async Task Webhook_Applied_IsCountedAndItsGroupCommitMeasuredAtMetrics()
    {
        var (_, video) = await AwaitingAsync();

        var applied = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(video.JobId, video.Id));
        (await applied.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        var metrics = await _recruiter.GetStringAsync("/metrics");

        var lines = metrics.Split('\n');
        lines.Should().Contain(l => l.StartsWith("appbackend_webhooks_total{", StringComparison.Ordinal) && l.Contains("result=\"applied\"", StringComparison.Ordinal));
        foreach (var series in new[] { "appbackend_group_commit_items_count{", "appbackend_group_commit_duration_seconds_count{" })
        {
            lines.Should().Contain(l => l.StartsWith(series, StringComparison.Ordinal) && l.Contains("kind=\"AnalysisReport\"", StringComparison.Ordinal));
        }

        // The instrument's own buckets (its advice), kept under the view that bounds the metric streams' cardinality.
        lines.Should().Contain(l => l.StartsWith("appbackend_group_commit_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("le=\"0.0075\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"jobId\": ")]
    [InlineData("[]")]
    [InlineData("{\"videoResponseId\":\"v\",\"status\":\"done\",\"overallScore\":1,\"aiAnalysisId\":\"a\"}")]
    [InlineData("{\"jobId\":\"j\",\"videoResponseId\":\"v\",\"status\":\"finished\"}")]
    [InlineData("{\"jobId\":\"j\",\"videoResponseId\":\"v\",\"status\":\"done\",\"aiAnalysisId\":\"a\"}")]
    [InlineData("{\"jobId\":\"j\",\"videoResponseId\":\"v\",\"status\":\"done\",\"overallScore\":\"high\",\"aiAnalysisId\":\"a\"}")]
    public async Task Webhook_SignedButMalformed_Returns400(string body)
    {
        var response = await WebhookCalls.PostSignedAsync(_anonymous, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Webhook_OverSixtyFourKiB_Returns413()
    {
        var body = WebhookCalls.Body("job", "video", error: new string('x', 64 * 1024));

        var response = await WebhookCalls.PostSignedAsync(_anonymous, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Webhook_Chunked_IsReadWhole_AndOverSixtyFourKiB_Returns413()
    {
        var small = await WebhookCalls.PostSignedChunkedAsync(_anonymous, WebhookCalls.Body("no-such-job", "no-such-video"));
        var large = await WebhookCalls.PostSignedChunkedAsync(_anonymous, WebhookCalls.Body("job", "video", error: new string('x', 64 * 1024)));

        await small.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await large.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Webhook_ForAnUnknownJobAndVideo_Returns404()
    {
        var response = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body("no-such-job", "no-such-video"));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Webhook_Done_PushesTheResultAndCompletesWhenEveryVideoIsDone()
    {
        var (applicationId, first, second) = await AwaitingTwoAsync();

        var one = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(first.JobId, first.Id, overallScore: 80, aiAnalysisId: "ai-first"));
        var halfway = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        var two = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(second.JobId, second.Id, overallScore: 91, aiAnalysisId: "ai-second"));
        var completed = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);

        (await one.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        (await two.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        halfway.Status().Should().Be("awaiting_ai_analysis");
        halfway.GetProperty("latestAiAnalysisId").GetString().Should().Be("ai-first");
        halfway.GetProperty("overallScore").ValueKind.Should().Be(JsonValueKind.Null);
        completed.Status().Should().Be("completed");
        completed.GetProperty("overallScore").GetDouble().Should().Be(85.5);
        completed.GetProperty("latestAiAnalysisId").GetString().Should().Be("ai-second");
        var results = completed.GetProperty("aiAnalysisResults").EnumerateArray().ToList();
        results.Should().HaveCount(2);
        results.Select(r => r.GetProperty("jobId").GetString()).Should().BeEquivalentTo([first.JobId, second.JobId]);
        results.Should().AllSatisfy(r => r.GetProperty("status").GetString().Should().Be("done"));
        completed.GetProperty("videoResponses").EnumerateArray().Should().AllSatisfy(v => v.GetProperty("status").GetString().Should().Be("done"));
    }

    [Fact]
    public async Task Webhook_TheSameCallbackAgainOrTheOppositeOutcome_IsADuplicateAndChangesNothing()
    {
        var (applicationId, video) = await AwaitingAsync();
        var done = WebhookCalls.Body(video.JobId, video.Id, overallScore: 77);
        await WebhookCalls.PostSignedAsync(_anonymous, done);
        var before = (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).GetRawText();

        var again = await WebhookCalls.PostSignedAsync(_anonymous, done);
        var opposite = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(video.JobId, video.Id, status: "failed", overallScore: null, aiAnalysisId: null, error: "late"));

        (await again.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("duplicate");
        (await opposite.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("duplicate");
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).GetRawText().Should().Be(before);
    }

    [Fact]
    public async Task Webhook_Failed_MakesTheApplicationAnalysisFailedWithRetry_AndALateCallbackOfTheOldJobIsStale()
    {
        var (applicationId, video) = await AwaitingAsync();

        var failed = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(video.JobId, video.Id, status: "failed", overallScore: null, aiAnalysisId: null, error: "no face"));
        var afterFailure = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        await _recruiter.PostAsync($"/api/applications/{applicationId}/retry", null);
        var redispatched = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        var late = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body(video.JobId, video.Id, overallScore: 99));

        (await failed.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        afterFailure.Status().Should().Be("analysis_failed");
        afterFailure.GetProperty("allowRetry").GetBoolean().Should().BeTrue();
        afterFailure.GetProperty("failureReason").GetString().Should().NotBeNullOrEmpty();
        afterFailure.GetProperty("videoResponses")[0].GetProperty("status").GetString().Should().Be("analysis_failed");
        (await late.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("stale");
        var now = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        now.GetRawText().Should().Be(redispatched.GetRawText());
        now.GetProperty("videoResponses")[0].GetProperty("jobId").GetString().Should().NotBe(video.JobId);
    }

    [Fact]
    public async Task Webhook_WhenTheCallbackBeatsTheDispatchSave_IsAppliedByVideoIdAndTheDispatchStillSettles()
    {
        await _fixture.Simulator.FaultAsync(503, count: 1, retryAfterSeconds: 2);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        await Eventually.GetAsync(() => PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId), r => r.Length == 1, "the first, refused POST");
        var queued = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        var videoId = queued.GetProperty("videoResponses")[0].Id("videoResponseId");

        var early = await WebhookCalls.PostSignedAsync(_anonymous, WebhookCalls.Body("job-reported-early", videoId, overallScore: 70, aiAnalysisId: "ai-early"));
        var meanwhile = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        var completed = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "completed");

        (await early.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        meanwhile.Status().Should().Be("queued");
        completed.GetProperty("overallScore").GetDouble().Should().Be(70);
        completed.GetProperty("videoResponses")[0].GetProperty("jobId").GetString().Should().Be("job-reported-early");
        var requests = await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId);
        (requests[1].GetProperty("receivedAt").GetDateTimeOffset() - requests[0].GetProperty("receivedAt").GetDateTimeOffset())
            .Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9), "Retry-After: 2 replaces the 0.1 s wait");
    }

    [Fact]
    public async Task Webhook_EightIdenticalCallbacksAtOnceOnTwoInstances_AreAppliedOnce()
    {
        var second = await _fixture.StartInstanceAsync(new Dictionary<string, string?> { ["Analysis:DispatchWorkerEnabled"] = "false" });
        var (applicationId, video) = await AwaitingAsync();
        var body = WebhookCalls.Body(video.JobId, video.Id, overallScore: 66);
        var clients = new[] { _fixture.Client(), _fixture.Client(instance: second) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => WebhookCalls.PostSignedAsync(clients[i % 2], body)));

        var results = new List<string>();
        foreach (var answer in answers)
        {
            results.Add((await answer.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString()!);
        }

        results.Count(r => r == "applied").Should().Be(1);
        results.Count(r => r == "duplicate").Should().Be(7);
        var application = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        application.GetProperty("aiAnalysisResults").GetArrayLength().Should().Be(1);
        application.Status().Should().Be("completed");
        await _fixture.StopInstanceAsync(second);
    }

    [Fact]
    public async Task Webhook_ManyCallbacksAtOnceAcrossApplicationsAndInstances_AreEachAppliedOnceWithOneHistoryEntry()
    {
        var second = await _fixture.StartInstanceAsync(new Dictionary<string, string?> { ["Analysis:DispatchWorkerEnabled"] = "false" });
        var applications = new List<(string Id, VideoJob[] Videos)>();
        for (var i = 0; i < 3; i++)
        {
            var (id, first, other) = await AwaitingTwoAsync();
            applications.Add((id, [first, other]));
        }

        // Every callback twice, both videos of each application at once, spread over both instances.
        var clients = new[] { _fixture.Client(), _fixture.Client(instance: second) };
        var calls = applications.SelectMany(a => a.Videos).SelectMany(v => new[] { v, v }).ToList();
        var answers = await Task.WhenAll(calls.Select((video, i) =>
            WebhookCalls.PostSignedAsync(clients[i % 2], WebhookCalls.Body(video.JobId, video.Id, overallScore: 70))));

        var results = new List<(string JobId, string Result)>();
        for (var i = 0; i < answers.Length; i++)
        {
            results.Add((calls[i].JobId, (await answers[i].ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString()!));
        }

        results.GroupBy(r => r.JobId).Should().AllSatisfy(job => job.Select(r => r.Result).Should().BeEquivalentTo(["applied", "duplicate"]));
        foreach (var (id, _) in applications)
        {
            (await PipelineSteps.GetApplicationAsync(_recruiter, id)).Status().Should().Be("completed");
            var history = await (await _recruiter.GetAsync($"/api/applications/{id}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            var items = history.GetProperty("items").EnumerateArray().ToList();
            items.Select(e => e.GetProperty("version").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            var applied = items.Where(e => e.GetProperty("type").GetString() == "result_applied").ToList();
            applied.Should().HaveCount(2).And.AllSatisfy(e => e.GetProperty("actor").GetString().Should().Be("ai-backend"));
        }

        await _fixture.StopInstanceAsync(second);
    }

    private async Task<(string ApplicationId, VideoJob Video)> AwaitingAsync()
    {
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        return (applicationId, VideoJob.From(awaiting.GetProperty("videoResponses")[0]));
    }

    private async Task<(string ApplicationId, VideoJob First, VideoJob Second)> AwaitingTwoAsync()
    {
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 2);
        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        var videos = awaiting.GetProperty("videoResponses");
        return (applicationId, VideoJob.From(videos[0]), VideoJob.From(videos[1]));
    }
}

public sealed record VideoJob(string Id, string JobId)
{
    public static VideoJob From(JsonElement video) => new(video.Id("videoResponseId"), video.GetProperty("jobId").GetString()!);
}

public sealed class SqliteWebhookPipelineFixture() : PipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresWebhookPipelineFixture() : PipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteWebhookTests(SqliteWebhookPipelineFixture fixture) : WebhookTests(fixture), IClassFixture<SqliteWebhookPipelineFixture>;

public sealed class PostgresWebhookTests(PostgresWebhookPipelineFixture fixture) : WebhookTests(fixture), IClassFixture<PostgresWebhookPipelineFixture>;
