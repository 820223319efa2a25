using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// Starts an instance that must refuse to start, and gives the reason it gave. A failure while the host starts (options
/// validated on start) is read from the host's own "Hosting failed to start" log line as well as from the exception:
/// when the entry point has already disposed the failed host, WebApplicationFactory throws
/// <see cref="ObjectDisposedException"/> instead of the reason (a race in its deferred host, seen once in a clean CI run).
/// A failure before the host is built (the secret policy) comes as the exception itself.
/// </summary>
public static class StartFailure
{
    /// <summary>The failure's text (exception and the host's error logs), after asserting that the start failed.</summary>
    public static async Task<string> OfAsync(string provider, string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        var logs = new LogCapture();
        var factory = new AppBackendFactory(provider, connectionString, settings, logCapture: logs);
        try
        {
            var start = factory.StartServer;
            var thrown = start.Should().Throw<Exception>().Which;
            var logged = logs.Logs.Where(l => l.Level >= LogLevel.Error).Select(l => l.AllText);
            return string.Join('\n', logged.Prepend(thrown.ToString()));
        }
        finally
        {
            try
            {
                await factory.DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // A host that never started can complain on the way down; there is nothing left to clean up.
            }
        }
    }
}
