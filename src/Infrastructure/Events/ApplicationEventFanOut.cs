using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// Does the hub's reads, one announced application at a time: one read of the log and one rendering per change
/// for the whole instance. A read that fails (the database is away) is tried again shortly, so its subscribers
/// still get every event once the database answers.
/// </summary>
internal sealed partial class ApplicationEventFanOut(ApplicationEventHub hub, TimeProvider clock, ILogger<ApplicationEventFanOut> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var announcement in hub.Announced.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await hub.RefreshAsync(announcement, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogReadFailed(logger, announcement.ApplicationId, ex);
                    _ = RetryLaterAsync(announcement, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            hub.Complete();
        }
    }

    private async Task RetryLaterAsync(ApplicationEventHub.Announcement announcement, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryDelay, clock, stoppingToken);
            hub.Announce(announcement.ApplicationId, announcement.Version);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the new events of application {ApplicationId} failed; trying again shortly")]
    private static partial void LogReadFailed(ILogger logger, string applicationId, Exception exception);
}
