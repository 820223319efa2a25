using AppBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// Changes this instance was not told of reach its streams from here. SQLite: every change another process (the admin
/// tool) committed to the same file; PostgreSQL: a change whose announcement was lost (its writer stopped between
/// the commit and the announcement, the send failed). Every <c>Events:LogCheckInterval</c>, while streams are open,
/// it reads the newest version of each application watched here (one index lookup each) and announces those; the hub
/// ignores what its topics already have. Versions, not sequence numbers: on PostgreSQL a lower sequence number can
/// commit after a higher one, so a mark on the sequence could pass an entry over.
/// </summary>
internal sealed partial class EventLogWatcher(
    IServiceScopeFactory scopes,
    DatabaseStartup startup,
    ApplicationEventHub hub,
    IOptions<EventLogOptions> options,
    TimeProvider clock,
    ILogger<EventLogWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitUntilReadyAsync(stoppingToken))
        {
            return;
        }

        var failing = false;
        using var timer = new PeriodicTimer(options.Value.LogCheckInterval, clock);
        try
        {
            do
            {
                try
                {
                    await LookAsync(stoppingToken);
                    if (failing)
                    {
                        failing = false;
                        LogRecovered(logger);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The next look asks again, so nothing is passed over once the database answers again.
                    if (!failing)
                    {
                        failing = true;
                        LogFailed(logger, ex);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        var watched = hub.WatchedApplications();
        if (watched.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newest = await db.ApplicationEvents.AsNoTracking()
            .Where(e => watched.Contains(e.ApplicationId))
            .GroupBy(e => e.ApplicationId)
            .Select(g => new { ApplicationId = g.Key, Version = g.Max(e => e.Version) })
            .ToListAsync(cancellationToken);
        foreach (var application in newest)
        {
            hub.Announce(application.ApplicationId, application.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking at the event log failed; changes this instance was not told of reach the streams once it works again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Looking at the event log works again")]
    private static partial void LogRecovered(ILogger logger);
}
