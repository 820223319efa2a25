using AppBackend.Infrastructure.Events;
using AppBackend.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Workers;

/// <summary>Every <c>Events:RetentionInterval</c>, prunes the replay views older than <c>Events:Retention</c>; safe on several instances at once.</summary>
internal sealed partial class EventRetentionWorker(
    IServiceScopeFactory scopes,
    DatabaseStartup startup,
    IOptions<EventLogOptions> options,
    TimeProvider clock,
    ILogger<EventRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitUntilReadyAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var pruned = await scope.ServiceProvider.GetRequiredService<ApplicationEventRetention>().PruneAsync(clock.GetUtcNow(), stoppingToken);
                    if (pruned > 0)
                    {
                        LogPruned(logger, pruned);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogPruneFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned the replay views of {Count} event(s) past the retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning old replay views failed; it runs again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
