using System.Collections.Concurrent;
using AppBackend.AiBackendSimulator.State;
using AppBackend.AiBackendSimulator.Webhooks;

namespace AppBackend.AiBackendSimulator.Worker;

/// <summary>
/// Drives time: moves jobs along, starts video fetches and webhook attempts when they are due,
/// then sleeps until the next due time or until woken. Fetches and attempts run concurrently,
/// so a slow callback receiver never holds up other jobs.
/// </summary>
public sealed class SimulatorWorker(
    SimulatorState state,
    WorkSignal signal,
    WebhookSender webhookSender,
    VideoFetcher videoFetcher,
    TimeProvider timeProvider,
    ILogger<SimulatorWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var work = state.TakeDueWork();
                foreach (var fetch in work.Fetches)
                {
                    Track(FetchAsync(fetch, work.ResetToken, stoppingToken));
                }

                foreach (var delivery in work.Deliveries)
                {
                    Track(DeliverAsync(delivery, work.ResetToken, stoppingToken));
                }

                await signal.WaitAsync(work.NextDueAt, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        // The in-flight tasks observe stoppingToken and never throw, so this ends promptly.
        await Task.WhenAll(_inFlight.Keys);
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, true);
        _ = task.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task FetchAsync(VideoFetchOrder order, CancellationToken resetToken, CancellationToken stoppingToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(resetToken, stoppingToken);
        try
        {
            var result = await videoFetcher.FetchAsync(order, cancellation.Token);
            state.RecordVideoFetch(order.JobId, result);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Reset or shutdown: the job is gone or the process is.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Fetching the video of {JobId} failed unexpectedly", order.JobId);
            state.RecordVideoFetch(order.JobId, new VideoFetchResult(timeProvider.GetUtcNow(), null, 0, "unexpected error"));
        }
    }

    private async Task DeliverAsync(ScheduledDelivery delivery, CancellationToken resetToken, CancellationToken stoppingToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(resetToken, stoppingToken);
        try
        {
            if (state.FindWebhook(delivery.JobId) is not { } message)
            {
                return;
            }

            var attempt = await webhookSender.SendAsync(message, delivery, cancellation.Token);
            state.RecordDeliveryAttempt(delivery, attempt);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Reset or shutdown: nothing left to deliver for.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Delivering the webhook of {JobId} failed unexpectedly", delivery.JobId);
        }
    }
}
