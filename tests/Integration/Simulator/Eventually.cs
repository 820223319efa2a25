using System.Diagnostics;

namespace AppBackend.IntegrationTests.Simulator;

/// <summary>Waits for a condition by polling every 20 ms for at most 10 s: bounded, and no fixed sleeps.</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> isDone, string waitingFor)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (isDone(value))
            {
                return value;
            }

            if (watch.Elapsed > Timeout)
            {
                throw new TimeoutException($"Waited {Timeout.TotalSeconds} s for {waitingFor}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> isDone, string waitingFor) =>
        Until(() => Task.FromResult(probe()), isDone, waitingFor);
}
