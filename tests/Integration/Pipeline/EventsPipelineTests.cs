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

    private static string StatusOf(ServerSentEvent @event) =>
        JsonDocument.Parse(@event.Data).RootElement.GetProperty("status").GetString()!;
}

public sealed class SqliteEventsPipelineFixture() : PipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresEventsPipelineFixture() : PipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteEventsPipelineTests(SqliteEventsPipelineFixture fixture) : EventsPipelineTests(fixture), IClassFixture<SqliteEventsPipelineFixture>;

public sealed class PostgresEventsPipelineTests(PostgresEventsPipelineFixture fixture) : EventsPipelineTests(fixture), IClassFixture<PostgresEventsPipelineFixture>;
