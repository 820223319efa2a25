namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>
/// Waits for a condition that another thread makes true (a continuation after the fake clock fired a timer).
/// Polls with short real pauses, bounded to a few seconds; never a bare sleep.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static async Task HoldsAsync(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {Limit.TotalSeconds} s: {failure()}");
            }

            await Task.Delay(2);
        }
    }
}
