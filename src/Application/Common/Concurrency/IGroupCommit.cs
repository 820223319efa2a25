namespace AppBackend.Application.Common.Concurrency;

/// <summary>
/// Group commit: concurrent callers' items are gathered into batches, and each batch is done in one unit of work (one
/// read, one save, one transaction) by the <see cref="IGroupCommitHandler{TItem,TResult}"/> in a scope of its own.
/// A caller's answer comes only after the commit that holds its item, so nothing is acknowledged that is not stored.
/// </summary>
public interface IGroupCommit<TItem, TResult>
{
    /// <summary>Queues <paramref name="item"/> for the next batch of changes made by <paramref name="actor"/> and waits for its answer.</summary>
    ValueTask<TResult> SubmitAsync(TItem item, string actor, CancellationToken cancellationToken);
}
