using AppBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// SQLite: this instance's own commits reach its streams in-process; another process writing the same file (the
/// admin tool) is seen here. Every <c>Events:LogCheckInterval</c> it reads the log's newest sequence number (the
/// primary key's end: one cheap lookup), and only when that moved, which entries are new, to announce them.
/// SQLite commits one writer at a time, so sequence numbers come in commit order and none is passed over.
/// </summary>
internal sealed partial class SqliteEventLogWatcher(
    IServiceScopeFactory scopes,
    DatabaseStartup startup,
    ApplicationEventHub hub,
    IOptions<EventLogOptions> options,
    TimeProvider clock,
    ILogger<SqliteEventLogWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitUntilReadyAsync(stoppingToken))
        {
            return;
        }

        long? seen = null;
        var failing = false;
        using var timer = new PeriodicTimer(options.Value.LogCheckInterval, clock);
        try
        {
            do
            {
                try
                {
                    seen = await LookAsync(seen, stoppingToken);
                    if (failing)
                    {
                        failing = false;
                        LogRecovered(logger);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The mark does not move, so nothing is passed over once the database answers again.
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

    private async Task<long> LookAsync(long? seen, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newest = await db.ApplicationEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (seen is not { } mark || newest <= mark || hub.Count == 0)
        {
            return newest;
        }

        var fresh = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.Sequence > mark && e.Sequence <= newest)
            .Select(e => new { e.ApplicationId, e.Version })
            .ToListAsync(cancellationToken);
        foreach (var entry in fresh.Where(e => hub.IsWatched(e.ApplicationId)))
        {
            hub.Announce(entry.ApplicationId, entry.Version);
        }

        return newest;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking at the event log failed; changes made by other processes reach the streams once it works again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Looking at the event log works again")]
    private static partial void LogRecovered(ILogger logger);
}
