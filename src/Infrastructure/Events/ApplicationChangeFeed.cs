using AppBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// One per instance: every <c>Events:PollInterval</c> it asks the database which applications changed (ids and
/// versions only, by the index on <c>UpdatedAt</c>) and tells <see cref="ApplicationChangeHub"/>. Reading the shared
/// database, not local saves, is what lets a change made by any instance reach the streams open on this one.
/// Each look reaches back to the start of the previous one minus <c>Events:Overlap</c> (clock skew, late commits);
/// <see cref="SeenVersions"/> drops what the overlap brings back twice. While no stream is open it does not query.
/// </summary>
internal sealed partial class ApplicationChangeFeed(
    IServiceScopeFactory scopes,
    ApplicationChangeHub hub,
    IOptions<ChangeFeedOptions> options,
    TimeProvider clock,
    ILogger<ApplicationChangeFeed> logger) : BackgroundService
{
    private readonly SeenVersions _seen = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ChangeFeedEnabled)
        {
            return;
        }

        var since = clock.GetUtcNow() - settings.Overlap;
        var failing = false;
        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var started = clock.GetUtcNow();
                if (hub.Count == 0)
                {
                    // Nobody listens: nothing to tell. A stream opened from now on reads its current state after
                    // subscribing, so the next look need only reach back to here.
                    _seen.Clear();
                    since = started - settings.Overlap;
                    continue;
                }

                try
                {
                    var window = await ReadChangedSinceAsync(since, stoppingToken);
                    foreach (var change in _seen.Advance(window))
                    {
                        hub.Notify(change.ApplicationId, change.Version);
                    }

                    since = started - settings.Overlap;
                    if (failing)
                    {
                        failing = false;
                        LogFeedRecovered(logger);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The window does not move, so nothing is lost once the database answers again.
                    if (!failing)
                    {
                        failing = true;
                        LogFeedFailed(logger, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<IReadOnlyCollection<ApplicationVersion>> ReadChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.JobApplications.AsNoTracking()
            .Where(a => a.UpdatedAt >= since)
            .Select(a => new ApplicationVersion(a.Id, a.Version))
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The change feed cannot read the database; open event streams get no updates until it can")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The change feed reads the database again")]
    private static partial void LogFeedRecovered(ILogger logger);
}
