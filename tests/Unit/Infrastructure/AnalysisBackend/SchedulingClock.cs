using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also shows which wake-ups are scheduled on it (retry waits, attempt
/// timeouts), so a test can wait until the code under test has reached its next wait before it moves time.
/// Moving time before the wait is scheduled would make the wait start late and the test flaky.
/// </summary>
internal sealed class SchedulingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly List<TrackedTimer> _timers = [];

    public IReadOnlyList<DateTimeOffset> PendingWakeups
    {
        get
        {
            lock (_lock)
            {
                return [.. _timers.Where(t => t.WakeAt is not null).Select(t => t.WakeAt!.Value).Order()];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Schedule(dueTime, period);
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return timer;
    }

    /// <summary>Waits (in real time, briefly) until something has scheduled a wake-up at exactly <paramref name="at"/>.</summary>
    public Task WaitUntilScheduledAsync(DateTimeOffset at) =>
        Eventually.HoldsAsync(
            () => PendingWakeups.Contains(at),
            () => $"nothing was scheduled for {at:HH:mm:ss.fff}; pending wake-ups: [{string.Join(", ", PendingWakeups.Select(w => w.ToString("HH:mm:ss.fff")))}], now {GetUtcNow():HH:mm:ss.fff}");

    private void Forget(TrackedTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class TrackedTimer(SchedulingClock clock) : ITimer
    {
        private readonly Lock _lock = new();
        private DateTimeOffset? _wakeAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? WakeAt
        {
            get
            {
                lock (_lock)
                {
                    return _wakeAt;
                }
            }
        }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _wakeAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
                _period = period;
            }
        }

        public void Fired()
        {
            lock (_lock)
            {
                _wakeAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _wakeAt + _period;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Forget(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Forget(this);
            return Inner.DisposeAsync();
        }
    }
}
