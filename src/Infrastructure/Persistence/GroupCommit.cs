using System.Threading.Channels;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Observability;
using AppBackend.Infrastructure.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// The group commit of <see cref="IGroupCommit{TItem,TResult}"/>: one loop takes whatever callers queued while the
/// previous batch was committing (up to <see cref="MaxBatch"/>), and hands each actor's items to the handler in a
/// scope of their own, so the database does one transaction (and one WAL flush) for many requests, however many
/// arrive. Nothing waits to fill a batch: a lone item is committed at once. When a batch fails for a reason other than
/// an unavailable database, each of its items is tried alone, so that one bad item never fails the others. Each
/// committed transaction is measured (<see cref="GroupCommitMetrics"/>): its items and its time.
/// </summary>
internal sealed partial class GroupCommit<TItem, TResult> : IGroupCommit<TItem, TResult>, IAsyncDisposable
{
    public const int MaxBatch = 64;

    private static readonly string Kind = typeof(TItem).Name;

    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommitMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<GroupCommit<TItem, TResult>> _logger;
    private readonly LazyLoop _loop;

    public GroupCommit(IServiceScopeFactory scopes, GroupCommitMetrics metrics, TimeProvider clock, ILogger<GroupCommit<TItem, TResult>> logger)
    {
        _scopes = scopes;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        _loop = new LazyLoop(RunAsync);
    }

    public async ValueTask<TResult> SubmitAsync(TItem item, string actor, CancellationToken cancellationToken)
    {
        var entry = new Entry(item, actor);
        _loop.EnsureStarted();
        if (!_queue.Writer.TryWrite(entry))
        {
            throw new ObjectDisposedException(nameof(GroupCommit<TItem, TResult>), "The application is shutting down.");
        }

        // A caller that stops waiting does not take its item back: it is committed (or not) with its batch.
        return await entry.Answer.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.StoppedAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            foreach (var byActor in batch.GroupBy(e => e.Actor, StringComparer.Ordinal))
            {
                await CommitAsync(byActor.Key, [.. byActor]);
            }

            batch.Clear();
        }
    }

    private async Task CommitAsync(string actor, IReadOnlyList<Entry> entries)
    {
        try
        {
            Answer(entries, await HandleAsync(actor, entries));
        }
        catch (Exception ex) when (entries.Count > 1 && !DatabaseFailures.IsUnavailable(ex))
        {
            LogBatchFailed(_logger, entries.Count, ex);
            foreach (var entry in entries)
            {
                await CommitAsync(actor, [entry]);
            }
        }
        catch (Exception ex)
        {
            foreach (var entry in entries)
            {
                entry.Answer.TrySetException(ex);
            }
        }
    }

    private async Task<IReadOnlyList<TResult>> HandleAsync(string actor, IReadOnlyList<Entry> entries)
    {
        var started = _clock.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<ScopedRequestContext>();
        work.Actor = actor;
        var handler = scope.ServiceProvider.GetRequiredService<IGroupCommitHandler<TItem, TResult>>();
        var results = await handler.HandleAsync([.. entries.Select(e => e.Item)], CancellationToken.None);
        if (results.Count != entries.Count)
        {
            throw new InvalidOperationException($"{handler.GetType().Name} answered {results.Count} items of {entries.Count}.");
        }

        _metrics.Committed(Kind, entries.Count, _clock.GetElapsedTime(started));
        LogCommitted(_logger, entries.Count, work.RequestId);
        return results;
    }

    private static void Answer(IReadOnlyList<Entry> entries, IReadOnlyList<TResult> results)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Answer.TrySetResult(results[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Group commit of {Count} items done as request {RequestId}")]
    private static partial void LogCommitted(ILogger logger, int count, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} items failed; trying each alone")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed class Entry(TItem item, string actor)
    {
        public TItem Item { get; } = item;

        public string Actor { get; } = actor;

        public TaskCompletionSource<TResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
