using AppBackend.Application.Common.Ports;
using AppBackend.Infrastructure.Events;

namespace AppBackend.UnitTests.Infrastructure.Events;

/// <summary>The fan-out: one read of the log per change for all subscribers of an application; each gets every event once.</summary>
public class ApplicationEventHubTests
{
    private const string App = "app-1";

    private readonly CountingLog _log = new();
    private readonly ApplicationEventHub _hub;

    public ApplicationEventHubTests() => _hub = new ApplicationEventHub(_log);

    [Fact]
    public async Task Announce_WithManySubscribers_ReadsTheLogOnce_AndEachGetsTheSameEvent()
    {
        var subscriptions = Enumerable.Range(0, 100).Select(_ => _hub.Subscribe(App)).ToList();
        subscriptions.ForEach(s => s.Start(3));
        await CommittedAsync(4);

        _log.Reads.Should().Be(1);
        foreach (var subscription in subscriptions)
        {
            (await subscription.WaitForChangeAsync(CancellationToken.None)).Should().BeTrue();
            var read = await subscription.ReadAfterAsync(3, CancellationToken.None);
            read.Events.Select(e => e.Version).Should().Equal(4);
            read.Events[0].Data.ToArray().Should().Equal(CountingLog.DataOf(4));
        }

        _log.Reads.Should().Be(1, "every subscriber took the event from what the hub read");
    }

    [Fact]
    public async Task Announce_GivesEverySubscriberTheSameEventInstance()
    {
        var subscriptions = Enumerable.Range(0, 10).Select(_ => _hub.Subscribe(App)).ToList();
        subscriptions.ForEach(s => s.Start(1));
        await CommittedAsync(2);

        var read = new List<StreamedEvent>();
        foreach (var subscription in subscriptions)
        {
            read.Add((await subscription.ReadAfterAsync(1, CancellationToken.None)).Events.Single());
        }

        read.Should().AllSatisfy(e => e.Should().BeSameAs(read[0]), "one rendering per change, so its frame can be made once and shared");
    }

    [Fact]
    public async Task ASubscriberThatNeverReads_DoesNotHoldBackTheOthers_AndStillGetsEveryEventFromTheLog()
    {
        using var stalled = _hub.Subscribe(App);
        using var reader = _hub.Subscribe(App);
        stalled.Start(0);
        reader.Start(0);

        for (var version = 1L; version <= 2 * ApplicationEventHub.BufferSize; version++)
        {
            await CommittedAsync(version);

            (await reader.WaitForChangeAsync(CancellationToken.None)).Should().BeTrue();
            (await reader.ReadAfterAsync(version - 1, CancellationToken.None)).Events.Select(e => e.Version).Should().Equal(version);
        }

        var reads = _log.Reads;
        var behind = await stalled.ReadAfterAsync(0, CancellationToken.None);
        behind.Events.Select(e => e.Version).Should().Equal(Enumerable.Range(1, ApplicationEventHub.BufferSize).Select(v => (long)v));
        _log.Reads.Should().Be(reads + 1, "the one behind the buffer reads the log itself");
    }

    [Fact]
    public async Task Announce_OfAVersionAlreadyRead_ReadsNothingMore()
    {
        using var subscription = _hub.Subscribe(App);
        subscription.Start(1);
        await CommittedAsync(3);

        _hub.Announce(App, 2);
        _hub.Announce(App, 3);
        await RunFanOutAsync();

        _log.Reads.Should().Be(1);
        (await subscription.ReadAfterAsync(1, CancellationToken.None)).Events.Select(e => e.Version).Should().Equal(2, 3);
    }

    [Fact]
    public async Task Announce_OfAnApplicationNobodyWatches_ReadsNothing()
    {
        using var other = _hub.Subscribe("app-2");
        await CommittedAsync(5);

        _log.Reads.Should().Be(0);
    }

    [Fact]
    public async Task ReadAfter_FurtherBackThanTheBuffer_ReadsTheLogForThatSubscriberOnly()
    {
        using var live = _hub.Subscribe(App);
        using var behind = _hub.Subscribe(App);
        live.Start(100);
        await CommittedAsync(101);

        var read = await behind.ReadAfterAsync(10, CancellationToken.None);

        read.Events.Select(e => e.Version).Should().Equal(Enumerable.Range(11, ApplicationEventHub.BufferSize).Select(v => (long)v));
        _log.Reads.Should().Be(2);
    }

    [Fact]
    public async Task CatchUp_ReadsWhatTheLogHasAfterTheNewestEventOfEachWatchedApplication()
    {
        using var subscription = _hub.Subscribe(App);
        subscription.Start(7);
        _log.Newest = 9;

        _hub.CatchUp();
        await RunFanOutAsync();

        _log.Reads.Should().Be(1);
        _log.LastAfter.Should().Be(7);
        (await subscription.ReadAfterAsync(7, CancellationToken.None)).Events.Select(e => e.Version).Should().Equal(8, 9);
    }

    [Fact]
    public void Dispose_Unsubscribes()
    {
        var first = _hub.Subscribe(App);
        var second = _hub.Subscribe(App);
        _hub.CountFor(App).Should().Be(2);

        first.Dispose();
        first.Dispose();
        second.Dispose();

        _hub.CountFor(App).Should().Be(0);
        _hub.Count.Should().Be(0);
        _hub.IsWatched(App).Should().BeFalse();
        _hub.WatchedApplications().Should().BeEmpty();
    }

    [Fact]
    public void WatchedApplications_AreThoseWithOpenSubscriptions_EachOnce()
    {
        using var first = _hub.Subscribe(App);
        using var second = _hub.Subscribe(App);
        using var other = _hub.Subscribe("app-2");

        _hub.WatchedApplications().Should().BeEquivalentTo([App, "app-2"]);
    }

    /// <summary>Version <paramref name="version"/> of <see cref="App"/> is in the log and announced; the fan-out has run.</summary>
    private async Task CommittedAsync(long version)
    {
        _log.Newest = version;
        _hub.Announce(App, version);
        await RunFanOutAsync();
    }

    /// <summary>Does what <see cref="ApplicationEventFanOut"/> does with every queued announcement.</summary>
    private async Task RunFanOutAsync()
    {
        while (_hub.Announced.TryRead(out var announcement))
        {
            await _hub.RefreshAsync(announcement, CancellationToken.None);
        }
    }

    /// <summary>A log holding versions 1 to <see cref="Newest"/> of <see cref="App"/>; counts the reads.</summary>
    private sealed class CountingLog : IApplicationEventLogReader
    {
        public long Newest { get; set; }

        public int Reads { get; private set; }

        public long LastAfter { get; private set; }

        public static byte[] DataOf(long version) => [.. System.Text.Encoding.UTF8.GetBytes($"{{\"version\":{version}}}")];

        public Task<EventsAfter> ReadAfterAsync(string applicationId, long after, int limit, CancellationToken cancellationToken)
        {
            Reads++;
            LastAfter = after;
            var events = applicationId != App
                ? []
                : Enumerable.Range(0, (int)Math.Max(0, Math.Min(limit, Newest - after)))
                    .Select(i => new StreamedEvent(after + i + 1, DataOf(after + i + 1)))
                    .ToList();
            return Task.FromResult(new EventsAfter(events, Replayable: true));
        }
    }
}
