using System.Diagnostics;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// Waits for a condition the system under test reaches on its own (a worker dispatching, a callback arriving),
/// checking every few milliseconds and giving up after a bound: never a fixed sleep standing in for synchronisation.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; last seen: {value}");
            }

            await Task.Delay(20);
        }
    }
}
