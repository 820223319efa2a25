using AppBackend.Infrastructure.Events;

namespace AppBackend.UnitTests.Infrastructure.Events;

public class ApplicationChangeHubTests
{
    private readonly ApplicationChangeHub _hub = new();

    [Fact]
    public void Notify_WithSubscribers_ReachesEverySubscriberOfThatApplicationOnly()
    {
        using var first = _hub.Subscribe("app-1");
        using var second = _hub.Subscribe("app-1");
        using var other = _hub.Subscribe("app-2");

        var reached = _hub.Notify("app-1", 7);

        reached.Should().Be(2);
        first.Versions.TryRead(out var firstVersion).Should().BeTrue();
        firstVersion.Should().Be(7);
        second.Versions.TryRead(out var secondVersion).Should().BeTrue();
        secondVersion.Should().Be(7);
        other.Versions.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void Notify_WithoutSubscribers_ReachesNobody()
    {
        _hub.Notify("app-1", 1).Should().Be(0);
    }

    [Fact]
    public void Notify_WhenTheSubscriberHasNotReadYet_KeepsOnlyTheNewestVersion()
    {
        using var subscription = _hub.Subscribe("app-1");

        _hub.Notify("app-1", 3);
        _hub.Notify("app-1", 4);
        _hub.Notify("app-1", 5);

        subscription.Versions.TryRead(out var version).Should().BeTrue();
        version.Should().Be(5);
        subscription.Versions.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public async Task Notify_WhileTheSubscriberWaits_WakesIt()
    {
        using var subscription = _hub.Subscribe("app-1");
        var waiting = subscription.Versions.WaitToReadAsync().AsTask();
        waiting.IsCompleted.Should().BeFalse();

        _hub.Notify("app-1", 2);

        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
    }

    [Fact]
    public void Dispose_RemovesTheSubscriptionAndEndsItsVersions()
    {
        var subscription = _hub.Subscribe("app-1");
        using var remaining = _hub.Subscribe("app-1");

        subscription.Dispose();

        _hub.CountFor("app-1").Should().Be(1);
        _hub.Count.Should().Be(1);
        _hub.Notify("app-1", 9).Should().Be(1);
        subscription.Versions.Completion.IsCompleted.Should().BeTrue();
        subscription.Versions.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void Dispose_OfTheLastSubscription_ForgetsTheApplication_AndTwiceIsHarmless()
    {
        var subscription = _hub.Subscribe("app-1");

        subscription.Dispose();
        subscription.Dispose();

        _hub.CountFor("app-1").Should().Be(0);
        _hub.Count.Should().Be(0);
        _hub.Notify("app-1", 1).Should().Be(0);
    }

    [Fact]
    public async Task SubscribeAndDispose_FromManyThreads_LeaveTheCountsRight()
    {
        using var kept = _hub.Subscribe("app-0");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                using var subscription = _hub.Subscribe($"app-{i % 4}");
                _hub.Notify($"app-{(i + worker) % 4}", i);
            }
        })));

        _hub.Count.Should().Be(1);
        _hub.CountFor("app-0").Should().Be(1);
        _hub.CountFor("app-1").Should().Be(0);
    }
}
