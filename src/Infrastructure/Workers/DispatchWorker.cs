using System.Threading.Channels;
using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.AnalysisBackend;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Workers;

/// <summary>
/// Claims owed dispatches (a lease in the database, so instances never share one), as many per round trip as
/// processors are free, and runs <see cref="DispatchApplicationCommand"/> for each, <c>Analysis:DispatchConcurrency</c>
/// at a time. While a dispatch runs its lease is
/// renewed; if this process dies, the lease lapses and any instance resumes it with the same idempotency key.
/// On shutdown (SIGTERM) it stops claiming, cancels the dispatches in flight and releases their leases (and those of
/// claims not started yet) at once, so another instance resumes them without waiting for the leases to lapse.
/// </summary>
internal sealed partial class DispatchWorker(
    IServiceScopeFactory scopes,
    DatabaseStartup startup,
    IOptions<AnalysisOptions> options,
    DispatchWakeUp wakeUp,
    TimeProvider clock,
    ILogger<DispatchWorker> logger) : BackgroundService
{
    /// <summary>How long a shutting-down instance tries to hand back one lease; the host's shutdown timeout bounds the rest.</summary>
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(3);

    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatchWorkerEnabled || !await startup.WaitUntilReadyAsync(stoppingToken))
        {
            return;
        }

        var concurrency = Math.Max(1, settings.DispatchConcurrency);
        using var free = new SemaphoreSlim(concurrency, concurrency);
        var claimed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = true });
        var processors = Enumerable.Range(0, concurrency).Select(_ => ProcessAsync(claimed.Reader, free, stoppingToken)).ToList();
        try
        {
            await ClaimAsync(claimed.Writer, free, concurrency, settings, stoppingToken);
        }
        finally
        {
            claimed.Writer.TryComplete();
            await Task.WhenAll(processors);

            // Claimed but never started (a processor stopped first): handed back like the interrupted ones.
            while (claimed.Reader.TryRead(out var unstarted))
            {
                await ReleaseAsync(unstarted);
            }
        }
    }

    /// <summary>
    /// Claims as many due dispatches as processors are free, in one round trip, so a claimed lease never waits in a
    /// queue. When fewer were due than asked for, the queue is drained: it waits for a wake-up (a dispatch committed as
    /// owed, here or, on PostgreSQL, by another instance) or, as the fallback for a missed one, the idle delay.
    /// </summary>
    private async Task ClaimAsync(ChannelWriter<string> claimed, SemaphoreSlim free, int concurrency, AnalysisOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await free.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var slots = 1;
            while (slots < concurrency && free.Wait(0))
            {
                slots++;
            }

            var woken = wakeUp.Arm();
            IReadOnlyList<string> keys = [];
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
                keys = await queue.ClaimDueAsync(_owner, clock.GetUtcNow(), settings.DispatchLease, slots, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                free.Release(slots);
                return;
            }
            catch (Exception ex)
            {
                LogClaimFailed(logger, ex);
            }

            if (keys.Count < slots)
            {
                free.Release(slots - keys.Count);
            }

            foreach (var key in keys)
            {
                // Unbounded, and never more keys in it than free processors: the write always succeeds at once.
                claimed.TryWrite(key);
            }

            if (keys.Count < slots && !await DispatchWakeUp.WaitAsync(woken, settings.DispatchIdleDelay, clock, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task ProcessAsync(ChannelReader<string> claimed, SemaphoreSlim free, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var key in claimed.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DispatchAsync(key, stoppingToken);
                }
                finally
                {
                    free.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(string key, CancellationToken stoppingToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewLeaseAsync(key, renewal.Token);
        var interrupted = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<ScopedRequestContext>();
            (work.RequestId, work.Actor) = (Guid.NewGuid().ToString("N"), Actors.Dispatcher);
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var result = await sender.Send(new DispatchApplicationCommand(key), stoppingToken);
            if (result.IsFailure)
            {
                LogNothingToDispatch(logger, key, result.Error.Description);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-dispatch: nothing was saved; the lease is released below and the dispatch resumes
            // elsewhere with the same key (the AI backend treats the repeat as the same request).
            interrupted = true;
        }
        catch (Exception ex)
        {
            LogDispatchFailed(logger, key, ex);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            if (interrupted)
            {
                await ReleaseAsync(key);
            }
        }
    }

    /// <summary>Hands a lease back (never throws: at worst the lease lapses as it would after a crash).</summary>
    private async Task ReleaseAsync(string key)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReleaseTimeout, clock);
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
            if (await queue.ReleaseLeaseAsync(key, _owner, timeout.Token))
            {
                LogReleased(logger, key);
            }
        }
        catch (Exception ex)
        {
            LogReleaseFailed(logger, key, ex);
        }
    }

    private async Task RenewLeaseAsync(string key, CancellationToken cancellationToken)
    {
        var lease = options.Value.DispatchLease;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await DelayAsync(lease / 3, cancellationToken))
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
                await queue.RenewLeaseAsync(key, _owner, clock.GetUtcNow(), lease, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRenewFailed(logger, key, ex);
            }
        }
    }

    /// <summary>
    /// False when cancelled, without throwing: every dispatch ends its lease renewal this way, and an exception thrown
    /// and caught per dispatch is CPU the dispatch path need not spend (benchmarks/README.md, finding 17).
    /// </summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming an owed dispatch failed; trying again shortly")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch {IdempotencyKey} failed unexpectedly; it resumes when its lease lapses")]
    private static partial void LogDispatchFailed(ILogger logger, string idempotencyKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch {IdempotencyKey} had nothing to do: {Reason}")]
    private static partial void LogNothingToDispatch(ILogger logger, string idempotencyKey, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: released the lease of dispatch {IdempotencyKey}, which another instance resumes with the same key")]
    private static partial void LogReleased(ILogger logger, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: the lease of dispatch {IdempotencyKey} could not be released; it resumes when the lease lapses")]
    private static partial void LogReleaseFailed(ILogger logger, string idempotencyKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of dispatch {IdempotencyKey} failed")]
    private static partial void LogRenewFailed(ILogger logger, string idempotencyKey, Exception exception);
}
