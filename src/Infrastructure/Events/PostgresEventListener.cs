using AppBackend.Infrastructure.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// PostgreSQL: one <c>LISTEN</c> connection per instance. Every instance announces its commits after them
/// (<see cref="PostgresCommitBroadcast"/>); each notification is announced to the hub. When the connection is lost (a database restart, a killed
/// backend) it is opened again after <c>Events:ListenerReconnectDelay</c>, and once it listens again every open topic
/// catches up from the log, so what was committed in between is not lost. The same connection listens for
/// <see cref="DispatchAnnouncement"/> and wakes this instance's dispatch worker (after a reconnect too, in case one
/// was missed; the worker's idle delay stays the fallback).
/// </summary>
public sealed partial class PostgresEventListener(
    ApplicationEventHub hub,
    DispatchWakeUp dispatchWakeUp,
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
                    if (e.Channel == DispatchAnnouncement.Channel)
                    {
                        dispatchWakeUp.DispatchOwed();
                    }
                    else if (EventAnnouncement.TryParse(e.Payload, out var applicationId, out var version))
                    {
                        hub.Announce(applicationId, version);
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {EventAnnouncement.Channel}; LISTEN {DispatchAnnouncement.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (lost)
                {
                    lost = false;
                    LogListening(logger);

                    // On the first start the worker looks at the queue by itself; after an outage one may have been missed.
                    dispatchWakeUp.DispatchOwed();
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
