using System.Net;
using System.Net.Http.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// Contract section 1: re-recording a video whose analysis failed never counts as a take, so it is allowed even when
/// the question's takes are used up, and the retry sends it; over real HTTP, with the simulator dispatching.
/// </summary>
public abstract class TakesPipelineTests : IAsyncLifetime
{
    private readonly PipelineFixture _fixture;
    private readonly HttpClient _recruiter;

    protected TakesPipelineTests(PipelineFixture fixture)
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
    public async Task ReRecording_AFailedVideoWithItsTakesUsedUp_IsAllowedAndNotCounted_AndTheRetrySendsIt()
    {
        var interview = await (await _recruiter.PostAsJsonAsync("/api/interviews", new
        {
            title = "Backend Engineer",
            questions = new[] { new { text = "Tell us about a hard bug.", durationSeconds = 60, aiMetadata = new { skill = "debugging" }, maxTakes = 1 } },
        })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var questionId = interview.GetProperty("questions")[0].Id();
        var applicationId = (await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id())).Id();
        await (await ApiRequests.AddVideoAsync(_recruiter, applicationId, questionId, "https://videos.example.com/first.mp4")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ApiRequests.AddVideoAsync(_recruiter, applicationId, questionId, "https://videos.example.com/again.mp4"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _recruiter.PostAsync($"/api/applications/{applicationId}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var awaiting = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        var failedVideo = VideoJob.From(awaiting.GetProperty("videoResponses")[0]);
        await (await WebhookCalls.PostSignedAsync(_fixture.Client(), WebhookCalls.Body(failedVideo.JobId, failedVideo.Id, status: "failed", overallScore: null, aiAnalysisId: null, error: "no face")))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "analysis_failed");

        var rerecorded = await ApiRequests.AddVideoAsync(_recruiter, applicationId, questionId, "https://videos.example.com/rerecorded.mp4");
        var rerecordedAgain = await ApiRequests.AddVideoAsync(_recruiter, applicationId, questionId, "https://videos.example.com/rerecorded-again.mp4");
        var beforeRetry = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        await (await _recruiter.PostAsync($"/api/applications/{applicationId}/retry", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var redispatched = await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");

        (await rerecorded.ShouldHaveStatusAsync(HttpStatusCode.Created)).GetProperty("takes").GetInt32().Should().Be(1, "a failed analysis is no take");
        (await rerecordedAgain.ShouldHaveStatusAsync(HttpStatusCode.Created)).GetProperty("takes").GetInt32().Should().Be(1);
        beforeRetry.GetProperty("videoResponses")[0].GetProperty("takes").GetInt32().Should().Be(1);
        var video = redispatched.GetProperty("videoResponses")[0];
        video.GetProperty("url").GetString().Should().Be("https://videos.example.com/rerecorded-again.mp4");
        video.GetProperty("takes").GetInt32().Should().Be(1);
        var requests = await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId);
        var sent = requests[^1].GetProperty("body");
        sent.GetProperty("videoResponses")[0].GetProperty("url").GetString().Should().Be("https://videos.example.com/rerecorded-again.mp4");
        var question = sent.GetProperty("interview").GetProperty("questions")[0];
        question.TryGetProperty("maxTakes", out _).Should().BeFalse("the AI backend never gets the candidate's settings");
        question.TryGetProperty("thinkingSeconds", out _).Should().BeFalse();
    }
}

public sealed class SqliteTakesPipelineFixture() : PipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresTakesPipelineFixture() : PipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteTakesPipelineTests(SqliteTakesPipelineFixture fixture) : TakesPipelineTests(fixture), IClassFixture<SqliteTakesPipelineFixture>;

public sealed class PostgresTakesPipelineTests(PostgresTakesPipelineFixture fixture) : TakesPipelineTests(fixture), IClassFixture<PostgresTakesPipelineFixture>;
