using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// PostgreSQL: one <c>LISTEN</c> connection per instance. Every commit that logs events sends <c>NOTIFY</c> in its
/// transaction; each notification is announced to the hub. When the connection is lost (a database restart, a killed
/// backend) it is opened again after <c>Events:ListenerReconnectDelay</c>, and once it listens again every open topic
/// catches up from the log, so what was committed in between is not lost.
/// </summary>
public sealed partial class PostgresEventListener(
    ApplicationEventHub hub,
    string connectionString,
    IOptions<EventLogOptions> options,
    TimeProvider clock,
    ILogger<PostgresEventListener> logger) : BackgroundService
{
    /// <summary>The listening connection's <c>application_name</c>, unique per instance (operators and tests find it by that).</summary>
    public string ApplicationName { get; } = $"appbackend-events-{Guid.NewGuid():N}"[..40];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            KeepAlive = 30,
        };
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) =>
                {
                    if (EventAnnouncement.TryParse(e.Payload, out var applicationId, out var version))
                    {
                        hub.Announce(applicationId, version);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {EventAnnouncement.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (lost)
                {
                    lost = false;
                    LogListening(logger);
                }

                // Listening again (or for the first time): what committed while nobody listened is in the log.
                hub.CatchUp();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!lost)
                {
                    lost = true;
                    LogLost(logger, ex);
                }
            }

            try
            {
                await Task.Delay(options.Value.ListenerReconnectDelay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event listener lost its database connection; reconnecting, then catching up from the log")]
    private static partial void LogLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The event listener listens again and caught up from the log")]
    private static partial void LogListening(ILogger logger);
}
