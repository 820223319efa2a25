using AppBackend.Infrastructure.AnalysisBackend;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

public class AnalysisOptionsTests
{
    [Fact]
    public void LongestDispatch_WithTheDefaults_CoversEveryAttemptAndTheLongestWaits()
    {
        // Four attempts of 10 s connect + 30 s each, three waits of up to 60 s (Retry-After), one lease to spare.
        new AnalysisOptions().LongestDispatch().Should().Be(TimeSpan.FromSeconds((4 * 40) + (3 * 60) + 60));
    }

    [Fact]
    public void LongestDispatch_WhenADelayExceedsTheLongestRetryAfter_CountsTheDelay()
    {
        var options = new AnalysisOptions
        {
            RetryDelays = "00:05:00",
            ConnectTimeout = TimeSpan.FromSeconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(2),
            DispatchLease = TimeSpan.FromSeconds(10),
        };

        options.LongestDispatch().Should().Be(TimeSpan.FromSeconds((2 * 3) + 300 + 10));
    }
}
