using System.Net;
using System.Text.Json;
using AppBackend.Infrastructure.Events;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AppBackend.IntegrationTests.Events;

/// <summary>
/// <c>GET /api/applications/{id}/events</c> over real HTTP on each database: access before the stream, the current
/// state first, every change in order (also those made by another instance), replay after <c>Last-Event-ID</c>,
/// retention, keep-alives, and clean ends on disconnect and shutdown.
/// </summary>
public abstract class ApplicationEventsTests(EventsApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Fact]
    public async Task Events_WithoutAToken_Returns401Problem()
    {
        var application = await NewDraftAsync(_recruiter);

        using var response = await ServerSentEventReader.SendAsync(fixture.Client(), EventsPath(application.Id()));

        // An EventSource sends Accept: text/event-stream; the refusal is a JSON problem all the same.
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("requestId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Events_OfAnotherCandidatesApplication_Returns404Problem()
    {
        var owner = fixture.Client(TestTokens.Candidate("cand-events-owner"));
        var application = await NewDraftAsync(owner);
        var stranger = fixture.Client(TestTokens.Candidate("cand-events-stranger"));

        using var response = await ServerSentEventReader.SendAsync(stranger, EventsPath(application.Id()));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("application.not_found");
        problem.GetProperty("requestId").GetString().Should().NotBeNullOrEmpty();
        fixture.Factory.Services.GetRequiredService<ApplicationEventHub>().CountFor(application.Id()).Should().Be(0);
    }

    [Fact]
    public async Task Events_OfAnUnknownApplication_Returns404Problem()
    {
        using var response = await ServerSentEventReader.SendAsync(_recruiter, EventsPath("no-such-application"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("application.not_found");
    }

    [Fact]
    public async Task Events_FirstEvent_IsTheCurrentStateExactlyAsGetReturnsIt()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-first"));
        var application = await NewDraftAsync(candidate);

        using var stream = await OpenAsync(candidate, application.Id());
        var first = await stream.NextEventAsync();

        var get = await candidate.GetAsync($"/api/applications/{application.Id()}");
        var getJson = await get.Content.ReadAsStringAsync();
        first.Type.Should().Be("status");
        first.Version.Should().BeGreaterThanOrEqualTo(0);
        first.Data.Should().Be(getJson);
        Status(first).Should().Be("draft");
        JsonDocument.Parse(first.Data).RootElement.GetProperty("updatedAt").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task Events_AfterVideosAndSubmit_ArriveInOrderEndingWithQueued()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-journey"));
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 2);
        var application = await ApiRequests.CreateApplicationAsync(candidate, interview.Id());
        using var stream = await OpenAsync(candidate, application.Id());
        var events = new List<ServerSentEvent> { await stream.NextEventAsync() };

        foreach (var question in interview.GetProperty("questions").EnumerateArray())
        {
            await (await ApiRequests.AddVideoAsync(candidate, application.Id(), question.Id())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        while (Status(events[^1]) != "queued")
        {
            events.Add(await stream.NextEventAsync());
        }

        events.Should().OnlyContain(e => e.Type == "status");
        events.Select(Status).Should().StartWith("draft").And.EndWith("queued");
        events.Select(Status).Should().OnlyContain(s => s == "draft" || s == "queued");
        events.Select(e => e.Version).Should().Equal(Enumerable.Range(0, events.Count).Select(i => events[0].Version + i), "every change is one event, none skipped");
        events.Select(e => e.Data).Should().OnlyHaveUniqueItems("each event is the view at another version");
        var get = await candidate.GetAsync($"/api/applications/{application.Id()}");
        events[^1].Data.Should().Be(await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_ChangeMadeByAnotherInstance_ReachesTheStream_AndShutdownEndsStreamsPromptly()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-instances"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);
        using var stream = await OpenAsync(candidate, application.Id());
        (await stream.NextEventAsync()).Should().Match<ServerSentEvent>(e => Status(e) == "draft");

        var second = new AppBackendFactory(fixture.Database.Provider, fixture.Database.ConnectionString, EventsApiFixture.FastEvents);
        try
        {
            second.StartServer();
            var candidateOnSecond = second.CreateClient();
            candidateOnSecond.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Candidate("cand-events-instances"));
            using var streamOnSecond = await OpenAsync(candidateOnSecond, application.Id());
            (await streamOnSecond.NextEventAsync()).Should().Match<ServerSentEvent>(e => Status(e) == "draft");

            await (await candidateOnSecond.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

            var change = await stream.NextEventAsync();
            Status(change).Should().Be("queued");
            (await streamOnSecond.NextEventAsync()).Data.Should().Be(change.Data);

            // Stopping an instance ends its open streams at once instead of waiting out the shutdown timeout.
            var stopping = second.DisposeAsync().AsTask();
            (await NextOrEndAsync(streamOnSecond)).Should().BeNull("the server ends its streams when it stops");
            (await Task.WhenAny(stopping, Task.Delay(ServerSentEventReader.DefaultTimeout))).Should().BeSameAs(stopping);
            await stopping;
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Events_AnEntryCommittedWithoutAnAnnouncement_ReachesTheStreamFromTheLookAtTheLog()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-unannounced"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);
        using var stream = await OpenAsync(candidate, application.Id());
        var current = await stream.NextEventAsync();

        // Written around the unit of work, as a writer that stopped between its commit and its announcement (or, on
        // SQLite, another process) leaves it: nothing tells this instance, so only its look at the log can.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO application_events ("ApplicationId", "Version", "At", "Type", "Status", "Actor", "Details", "View")
                SELECT "ApplicationId", "Version" + 1, "At", "Type", "Status", 'admin', "Details", "View"
                FROM application_events WHERE "ApplicationId" = {application.Id()} AND "Version" = {current.Version}
                """);
        }

        var next = await stream.NextEventAsync();
        next.Version.Should().Be(current.Version + 1);
        next.Data.Should().Be(current.Data);
    }

    [Fact]
    public async Task Events_ManyStreamsOnOneApplication_EachGetTheSameEventForAChange()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-many"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);
        var streams = new List<ServerSentEventReader>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var stream = await OpenAsync(i % 2 == 0 ? candidate : _recruiter, application.Id());
                streams.Add(stream);
                Status(await stream.NextEventAsync()).Should().Be("draft");
            }

            await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

            var changes = new List<ServerSentEvent>();
            foreach (var stream in streams)
            {
                changes.Add(await stream.NextEventAsync());
            }

            Status(changes[0]).Should().Be("queued");
            changes.Should().AllSatisfy(e => e.Should().Be(changes[0]), "one change is rendered and framed once, and every stream sends those bytes");
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Events_AClientThatStopsReading_DoesNotHoldBackTheOtherStreams()
    {
        var hub = fixture.Factory.Services.GetRequiredService<ApplicationEventHub>();
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-stalled"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);

        // A client that sends its request and never reads a byte of the answer, with the smallest receive window.
        using var stalled = new System.Net.Sockets.TcpClient { ReceiveBufferSize = 1024 };
        var server = fixture.Factory.ClientOptions.BaseAddress;
        await stalled.ConnectAsync(server.Host, server.Port);
        await stalled.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"GET {EventsPath(application.Id())} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {TestTokens.Recruiter()}\r\n" +
            "Accept: text/event-stream\r\n\r\n"));
        using var reading = await OpenAsync(candidate, application.Id());
        Status(await reading.NextEventAsync()).Should().Be("draft");
        (await EventuallyAsync(() => hub.CountFor(application.Id()) == 2)).Should().BeTrue("both streams are open");

        await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        Status(await reading.NextEventAsync()).Should().Be("queued");
        hub.CountFor(application.Id()).Should().Be(2, "the client that stopped reading is still subscribed; nothing waited for it");
    }

    [Fact]
    public async Task Events_WithLastEventIdOfTheCurrentVersion_StartWithTheNextChange()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-resume"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);
        ServerSentEvent current;
        using (var first = await OpenAsync(candidate, application.Id()))
        {
            current = await first.NextEventAsync();
        }

        using var resumed = await OpenAsync(candidate, application.Id(), lastEventId: current.Id);
        await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var next = await resumed.NextEventAsync();
        Status(next).Should().Be("queued");
        next.Version.Should().BeGreaterThan(current.Version);
    }

    [Fact]
    public async Task Events_WithAnEarlierLastEventId_ReplayEveryLaterEventOnce_ThenTheLiveOnes()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-replay"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);
        var current = await (await candidate.GetAsync($"/api/applications/{application.Id()}")).Content.ReadAsStringAsync();
        var currentVersion = await CurrentVersionAsync(candidate, application.Id());

        using var stream = await OpenAsync(candidate, application.Id(), lastEventId: "1");
        var replayed = new List<ServerSentEvent>();
        while (replayed.Count < currentVersion - 1)
        {
            replayed.Add(await stream.NextEventAsync());
        }

        replayed.Select(e => e.Version).Should().Equal(Enumerable.Range(2, (int)currentVersion - 1).Select(v => (long)v));
        replayed[^1].Data.Should().Be(current);
        await (await candidate.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var live = await stream.NextEventAsync();
        live.Version.Should().Be(currentVersion + 1);
        Status(live).Should().Be("queued");
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    [InlineData("999999")]
    public async Task Events_WithAnUnknownLastEventId_StartWithTheCurrentState(string lastEventId)
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-unknown-id"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);

        using var stream = await OpenAsync(candidate, application.Id(), lastEventId);
        var first = await stream.NextEventAsync();

        first.Version.Should().Be(await CurrentVersionAsync(candidate, application.Id()));
        first.Data.Should().Be(await (await candidate.GetAsync($"/api/applications/{application.Id()}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retention_PrunesTheReplayDataOfOldEvents_AndKeepsTheHistory()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-retention"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);
        var historyBefore = await (await candidate.GetAsync($"/api/applications/{application.Id()}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // A clock past the retention: the pruning job's view of "now" a little over Events:Retention later.
        var retention = fixture.Factory.Services.GetRequiredService<IOptions<EventLogOptions>>().Value.Retention;
        int pruned;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var later = DateTimeOffset.UtcNow + retention + TimeSpan.FromMinutes(1);
            pruned = await scope.ServiceProvider.GetRequiredService<ApplicationEventRetention>().PruneAsync(later, CancellationToken.None);
        }

        pruned.Should().BeGreaterThanOrEqualTo(3);
        var historyAfter = await (await candidate.GetAsync($"/api/applications/{application.Id()}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        historyAfter.GetRawText().Should().Be(historyBefore.GetRawText());
        historyAfter.GetProperty("items").GetArrayLength().Should().Be(3);

        // The events after version 1 cannot be replayed any more: the reconnect gets the current state.
        using var stream = await OpenAsync(candidate, application.Id(), lastEventId: "1");
        var first = await stream.NextEventAsync();
        first.Version.Should().Be(3);
        first.Data.Should().Be(await (await candidate.GetAsync($"/api/applications/{application.Id()}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retention_KeepsTheReplayDataOfRecentEvents()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-events-recent"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, candidate);

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var pruned = await scope.ServiceProvider.GetRequiredService<ApplicationEventRetention>().PruneAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            pruned.Should().Be(0, "nothing logged by this fixture is older than the retention");
        }

        using var stream = await OpenAsync(candidate, application.Id(), lastEventId: "1");
        (await stream.NextEventAsync()).Version.Should().Be(2, "the replay continues after version 1");
    }

    [Fact]
    public async Task Events_WhenIdle_SendKeepAliveComments()
    {
        var application = await NewDraftAsync(_recruiter);
        using var stream = await OpenAsync(_recruiter, application.Id());
        (await stream.NextEventAsync()).Type.Should().Be("status");

        var next = await stream.ReadAsync();

        next.Should().NotBeNull();
        next!.IsComment.Should().BeTrue();
        next.Comment.Should().Be("keep-alive");
    }

    [Fact]
    public async Task Events_WhenTheClientDisconnects_Unsubscribe()
    {
        var hub = fixture.Factory.Services.GetRequiredService<ApplicationEventHub>();
        var application = await NewDraftAsync(_recruiter);

        // A client that closes at once (HttpClient would otherwise try to drain the response for up to 2 s first).
        using var client = new HttpClient(new SocketsHttpHandler { ResponseDrainTimeout = TimeSpan.Zero }) { BaseAddress = _recruiter.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Recruiter());
        var stream = await OpenAsync(client, application.Id());
        await stream.NextEventAsync();
        hub.CountFor(application.Id()).Should().Be(1);

        stream.Dispose();

        (await EventuallyAsync(() => hub.CountFor(application.Id()) == 0)).Should().BeTrue("a closed stream unsubscribes");
    }

    private static string EventsPath(string applicationId) => $"/api/applications/{applicationId}/events";

    /// <summary>The application's version now: the id of the event a fresh stream starts with.</summary>
    private static async Task<long> CurrentVersionAsync(HttpClient client, string applicationId)
    {
        using var stream = await OpenAsync(client, applicationId);
        return (await stream.NextEventAsync()).Version;
    }

    private static string Status(ServerSentEvent e) =>
        JsonDocument.Parse(e.Data).RootElement.GetProperty("status").GetString()!;

    private async Task<JsonElement> NewDraftAsync(HttpClient owner)
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        return await ApiRequests.CreateApplicationAsync(owner, interview.Id());
    }

    private static async Task<ServerSentEventReader> OpenAsync(HttpClient client, string applicationId, string? lastEventId = null)
    {
        var response = await ServerSentEventReader.SendAsync(client, EventsPath(applicationId), lastEventId);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.Contains("X-Request-Id").Should().BeTrue();
        return await ServerSentEventReader.ReadFromAsync(response);
    }

    /// <summary>The next event, skipping comments, or null when the stream ends.</summary>
    private static async Task<ServerSentEvent?> NextOrEndAsync(ServerSentEventReader stream)
    {
        while (await stream.ReadAsync() is { } item)
        {
            if (!item.IsComment)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Checks <paramref name="condition"/> until it holds or the default timeout passes.</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(ServerSentEventReader.DefaultTimeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }

        return true;
    }
}

public sealed class SqliteApplicationEventsTests(SqliteEventsApiFixture fixture)
    : ApplicationEventsTests(fixture), IClassFixture<SqliteEventsApiFixture>;

public sealed class PostgresApplicationEventsTests(PostgresEventsApiFixture fixture)
    : ApplicationEventsTests(fixture), IClassFixture<PostgresEventsApiFixture>;
