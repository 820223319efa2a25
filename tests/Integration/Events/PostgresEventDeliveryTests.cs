using System.Net;
using System.Text.Json;
using AppBackend.Infrastructure.Events;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppBackend.IntegrationTests.Events;

/// <summary>
/// Delivery across instances on one PostgreSQL: each instance's <c>NOTIFY</c> after its commits and each instance's
/// <c>LISTEN</c> connection; a lost listener reconnects and catches up from the log. The look at the log for lost
/// announcements is slowed down here, so that only the notifications and the listener's catch-up deliver.
/// </summary>
public sealed class PostgresEventDeliveryTests(PostgresEventDeliveryFixture fixture) : IClassFixture<PostgresEventDeliveryFixture>, IAsyncLifetime
{
    private const string Sub = "cand-delivery";

    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());
    private AppBackendFactory _second = null!;

    public Task InitializeAsync()
    {
        _second = new AppBackendFactory(fixture.Database.Provider, fixture.Database.ConnectionString, PostgresEventDeliveryFixture.ListenerOnly);
        _second.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task Events_ChangesMadeOnTwoInstances_ReachTheStreamsOfBothInOrder()
    {
        var onFirst = fixture.Client(TestTokens.Candidate(Sub));
        var onSecond = Client(_second);
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 3);
        var questions = interview.GetProperty("questions").EnumerateArray().Select(q => q.Id()).ToList();
        var application = await ApiRequests.CreateApplicationAsync(onFirst, interview.Id());
        using var first = await OpenAsync(onFirst, application.Id());
        using var second = await OpenAsync(onSecond, application.Id());
        (await first.NextEventAsync()).Version.Should().Be(1);
        (await second.NextEventAsync()).Version.Should().Be(1);

        // Alternating instances, each change committed before the next starts.
        await (await ApiRequests.AddVideoAsync(onFirst, application.Id(), questions[0])).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ApiRequests.AddVideoAsync(onSecond, application.Id(), questions[1])).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ApiRequests.AddVideoAsync(onFirst, application.Id(), questions[2])).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await onSecond.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var seenByFirst = await NextAsync(first, 4);
        var seenBySecond = await NextAsync(second, 4);
        seenByFirst.Select(e => e.Version).Should().Equal(2, 3, 4, 5);
        seenBySecond.Select(e => e.Data).Should().Equal(seenByFirst.Select(e => e.Data));
        seenBySecond.Select(e => e.Version).Should().Equal(2, 3, 4, 5);
        Status(seenByFirst[^1]).Should().Be("queued");
        seenByFirst[^1].Data.Should().Be(await (await onFirst.GetAsync($"/api/applications/{application.Id()}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_CommittedWhileTheListenerReconnects_StillArrive()
    {
        var onFirst = fixture.Client(TestTokens.Candidate(Sub));
        var onSecond = Client(_second);
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, onFirst);
        using var stream = await OpenAsync(onFirst, application.Id());
        var current = await stream.NextEventAsync();

        // The first instance loses its LISTEN connection; the change is committed on the second meanwhile, so only
        // the catch-up from the log after reconnecting can bring it.
        var listener = fixture.Factory.Services.GetRequiredService<PostgresEventListener>();
        await TerminateAsync(listener.ApplicationName);
        await Eventually.GetAsync(() => ListenerBackendsAsync(listener.ApplicationName), n => n == 0, "the listener's backend to be gone");
        await (await onSecond.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var next = await stream.NextEventAsync();
        next.Version.Should().Be(current.Version + 1);
        Status(next).Should().Be("queued");

        // The catch-up came after the listener had connected again.
        (await ListenerBackendsAsync(listener.ApplicationName)).Should().Be(1);
    }

    [Fact]
    public async Task Migrations_LeaveNoTriggerThatNotifiesInsideTheDataTransactions()
    {
        // A NOTIFY inside a data transaction holds a cluster-wide lock until its commit is flushed, so every such
        // commit would wait for the one before it (benchmarks/README.md, finding 16): the instances announce after.
        var triggers = await CountAsync(
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN ('application_events'::regclass, 'pending_dispatches'::regclass)");

        triggers.Should().Be(0);
    }

    private static HttpClient Client(AppBackendFactory instance)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Candidate(Sub));
        return client;
    }

    private static async Task<ServerSentEventReader> OpenAsync(HttpClient client, string applicationId)
    {
        var response = await ServerSentEventReader.SendAsync(client, $"/api/applications/{applicationId}/events");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await ServerSentEventReader.ReadFromAsync(response);
    }

    private static async Task<List<ServerSentEvent>> NextAsync(ServerSentEventReader stream, int count)
    {
        var events = new List<ServerSentEvent>();
        while (events.Count < count)
        {
            events.Add(await stream.NextEventAsync());
        }

        return events;
    }

    private static string Status(ServerSentEvent e) => JsonDocument.Parse(e.Data).RootElement.GetProperty("status").GetString()!;

    /// <summary>Kills the listener's backend (as a database restart would), once it is connected.</summary>
    private Task TerminateAsync(string applicationName) =>
        Eventually.GetAsync(
            () => CountAsync("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name) t", applicationName),
            terminated => terminated == 1,
            "the listener's backend to be terminated");

    private Task<long> ListenerBackendsAsync(string applicationName) =>
        CountAsync("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", applicationName);

    private async Task<long> CountAsync(string sql, string? applicationName = null)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (applicationName is not null)
        {
            command.Parameters.AddWithValue("name", applicationName);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// A listener that waits 3 s before reconnecting, so a change committed right after losing it lands while it is away,
/// and no look at the log within a test's time.
/// </summary>
public sealed class PostgresEventDeliveryFixture() : EventsApiFixture(DatabaseKind.Postgres)
{
    public static readonly IReadOnlyDictionary<string, string?> ListenerOnly =
        new Dictionary<string, string?>(FastEvents) { ["Events:LogCheckInterval"] = "01:00:00" };

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(ListenerOnly) { ["Events:ListenerReconnectDelay"] = "00:00:03" };
}
