using System.Threading.Channels;

namespace AppBackend.AiBackendSimulator.Worker;

/// <summary>
/// Wakes the worker when something changed (a job was created, a setting or a job was
/// touched through the control API). Wake-ups coalesce: one pending wake-up is enough.
/// </summary>
public sealed class WorkSignal
{
    // Task.Delay refuses very long waits; nothing in the simulator needs one.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when woken, when <paramref name="wakeAt"/> has come, or throws when <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task WaitAsync(DateTimeOffset? wakeAt, TimeProvider timeProvider, CancellationToken stoppingToken)
    {
        if (_wakeUps.Reader.TryRead(out _))
        {
            return;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wakeUps.Reader.WaitToReadAsync(waiting.Token).AsTask();
        if (wakeAt is { } at)
        {
            var wait = at - timeProvider.GetUtcNow();
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;
            await Task.WhenAny(woken, Task.Delay(wait, timeProvider, waiting.Token));
        }
        else
        {
            await Task.WhenAny(woken);
        }

        // Cancels whichever of the two is still pending; their cancellation is not an error.
        await waiting.CancelAsync();
        _wakeUps.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }
}
