namespace AppBackend.Application.Common.Concurrency;

/// <summary>Does one batch of an <see cref="IGroupCommit{TItem,TResult}"/> in one unit of work: one answer per item, in order.</summary>
public interface IGroupCommitHandler<TItem, TResult>
{
    ValueTask<IReadOnlyList<TResult>> HandleAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken);
}
