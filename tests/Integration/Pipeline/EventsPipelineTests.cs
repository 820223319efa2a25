using System.Net;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// An event-stream client follows one application through the real pipeline, from draft to completed. The AI backend
/// answers the dispatch at once, so queued lasts only milliseconds: the event log must still deliver it.
/// </summary>
public abstract class EventsPipelineTests(PipelineFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.Simulator.ResetAsync();
        await fixture.Simulator.SettingsAsync(new { autoComplete = true, completeAfterMs = 1000, score = 81 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Events_ThroughTheWholePipeline_ShowDraftQueuedAwaitingAndCompletedInOrder()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-live"));
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var interview = await ApiRequests.CreateInterviewAsync(recruiter, 2);
        var application = await ApiRequests.CreateApplicationAsync(candidate, interview.Id());
        using var stream = await ServerSentEventReader.ReadFromAsync(
            await ServerSentEventReader.SendAsync(candidate, $"/api/applications/{application.Id()}/events"));

        var first = await stream.NextEventAsync();
        var statuses = new List<string> { StatusOf(first) };
        foreach (var question in interview.GetProperty("questions").EnumerateArray())
        {
            await (await ApiRequests.AddVideoAsync(candidate, application.Id(), question.Id())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var versions = new List<long>();
        while (statuses[^1] != "completed")
        {
            var next = await stream.NextEventAsync(TimeSpan.FromSeconds(20));
            next.Type.Should().Be("status");
            versions.Add(next.Version);
            statuses.Add(StatusOf(next));
        }

        // Every committed change is one event: two videos, submit, dispatch, two results; none merged or skipped.
        statuses[0].Should().Be("draft");
        statuses.Distinct().Should().Equal("draft", "queued", "awaiting_ai_analysis", "completed");
        statuses.SkipWhile(s => s != "queued").Should().NotContain("draft");
        versions.Should().Equal(Enumerable.Range(1, versions.Count).Select(i => first.Version + i));
        statuses.Should().HaveCount(7);
    }

    [Fact]
    public async Task Events_ReconnectingAfterEachEventOfAWholeRun_ReplayExactlyTheRest()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-replay-run"));
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var interview = await ApiRequests.CreateInterviewAsync(recruiter, 2);
        var application = await ApiRequests.CreateApplicationAsync(candidate, interview.Id());
        var path = $"/api/applications/{application.Id()}/events";
        var run = new List<ServerSentEvent>();
        using (var stream = await ServerSentEventReader.ReadFromAsync(await ServerSentEventReader.SendAsync(candidate, path)))
        {
            run.Add(await stream.NextEventAsync());
            foreach (var question in interview.GetProperty("questions").EnumerateArray())
            {
                await (await ApiRequests.AddVideoAsync(candidate, application.Id(), question.Id())).ShouldHaveStatusAsync(HttpStatusCode.Created);
            }

            await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
            while (StatusOf(run[^1]) != "completed")
            {
                run.Add(await stream.NextEventAsync(TimeSpan.FromSeconds(20)));
            }
        }

        for (var seen = 0; seen < run.Count; seen++)
        {
            using var resumed = await ServerSentEventReader.ReadFromAsync(await ServerSentEventReader.SendAsync(candidate, path, run[seen].Id));
            var rest = new List<ServerSentEvent>();
            while (rest.Count < run.Count - seen - 1)
            {
                rest.Add(await resumed.NextEventAsync());
            }

            rest.Select(e => e.Version).Should().Equal(run.Skip(seen + 1).Select(e => e.Version), $"a reconnect after version {run[seen].Id} gets every later event");
            rest.Select(e => e.Data).Should().Equal(run.Skip(seen + 1).Select(e => e.Data));

            // Nothing more: the next thing on the stream is a keep-alive, not an event sent twice.
            var next = await resumed.ReadAsync();
            next.Should().NotBeNull();
            next!.IsComment.Should().BeTrue($"after version {run[^1].Id} nothing is left to send");
        }
    }

    [Fact]
    public async Task History_OfAFailedThenRetriedApplication_ListsEveryStepWithItsActor()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-history"));
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var interview = await ApiRequests.CreateInterviewAsync(recruiter, 2);
        var questions = interview.GetProperty("questions").EnumerateArray().Select(q => q.Id()).ToList();
        var application = await ApiRequests.CreateApplicationAsync(candidate, interview.Id());
        var id = application.Id();
        foreach (var question in questions)
        {
            await (await ApiRequests.AddVideoAsync(candidate, id, question)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        var failing = (await PipelineSteps.GetApplicationAsync(candidate, id)).GetProperty("videoResponses")
            .EnumerateArray().Single(v => v.GetProperty("questionId").GetString() == questions[1]).GetProperty("videoResponseId").GetString()!;
        await fixture.Simulator.FailVideoAsync(failing, "face not visible");
        await (await candidate.PostAsync($"/api/applications/{id}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await PipelineSteps.WaitForStatusAsync(candidate, id, "analysis_failed", TimeSpan.FromSeconds(20));
        await (await ApiRequests.AddVideoAsync(candidate, id, questions[1], "https://videos.example.com/second-take.mp4")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await candidate.PostAsync($"/api/applications/{id}/retry", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        await PipelineSteps.WaitForStatusAsync(candidate, id, "completed", TimeSpan.FromSeconds(20));

        var history = await (await recruiter.GetAsync($"/api/applications/{id}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var items = history.GetProperty("items").EnumerateArray().ToList();

        var me = "candidate:cand-history";
        items.Select(i => (i.GetProperty("type").GetString(), i.GetProperty("actor").GetString())).Should().Equal(
            ("created", me),
            ("video_added", me),
            ("video_added", me),
            ("submitted", me),
            ("dispatch_accepted", "dispatcher"),
            ("result_applied", "ai-backend"),
            ("result_applied", "ai-backend"),
            ("video_replaced", me),
            ("retry_requested", me),
            ("dispatch_accepted", "dispatcher"),
            ("result_applied", "ai-backend"));
        items.Select(i => i.GetProperty("version").GetInt64()).Should().Equal(Enumerable.Range(1, items.Count).Select(v => (long)v));
        items.Select(i => i.GetProperty("status").GetString()).Should().Equal(
            "draft", "draft", "draft", "queued", "awaiting_ai_analysis", "awaiting_ai_analysis", "analysis_failed",
            "analysis_failed", "queued", "awaiting_ai_analysis", "completed");
        items.Select(i => i.GetProperty("at").GetString()).Should().BeInAscendingOrder().And.OnlyContain(at => at!.EndsWith('Z'));

        var failure = items.Take(7).Skip(5).Single(i => i.GetProperty("details").GetProperty("answer").GetString() == "failed").GetProperty("details");
        failure.GetProperty("videoResponseId").GetString().Should().Be(failing);
        failure.GetProperty("error").GetString().Should().Be("face not visible");
        failure.GetProperty("jobId").GetString().Should().NotBeNullOrEmpty();
        items[4].GetProperty("details").GetProperty("jobs").GetArrayLength().Should().Be(2);
        items[7].GetProperty("details").GetProperty("replacedVideoResponseId").GetString().Should().Be(failing);
        items[8].GetProperty("details").GetProperty("videoResponseIds").GetArrayLength().Should().Be(1);
        items[9].GetProperty("details").GetProperty("jobs").GetArrayLength().Should().Be(1);
        items[^1].GetProperty("details").GetProperty("overallScore").GetDouble().Should().Be(81);
        var raw = history.GetRawText();
        raw.Should().NotContain(TestSecrets.CallbackSecret).And.NotContain(TestSecrets.AiBackendSecret).And.NotContain("signature");

        // The same access rule as GET: the owner sees it, another candidate gets a 404 problem.
        (await candidate.GetAsync($"/api/applications/{id}/history")).StatusCode.Should().Be(HttpStatusCode.OK);
        var stranger = fixture.Client(TestTokens.Candidate("cand-history-stranger"));
        var problem = await (await stranger.GetAsync($"/api/applications/{id}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("application.not_found");
    }

    private static string StatusOf(ServerSentEvent @event) =>
        JsonDocument.Parse(@event.Data).RootElement.GetProperty("status").GetString()!;
}

public sealed class SqliteEventsPipelineFixture() : PipelineFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => EventsApiFixture.FastEvents;
}

public sealed class PostgresEventsPipelineFixture() : PipelineFixture(DatabaseKind.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => EventsApiFixture.FastEvents;
}

public sealed class SqliteEventsPipelineTests(SqliteEventsPipelineFixture fixture) : EventsPipelineTests(fixture), IClassFixture<SqliteEventsPipelineFixture>;

public sealed class PostgresEventsPipelineTests(PostgresEventsPipelineFixture fixture) : EventsPipelineTests(fixture), IClassFixture<PostgresEventsPipelineFixture>;
