using AppBackend.Application.Common.Concurrency;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>A group commit of one: each item goes to the handler at once, alone, as the real one hands over a lone caller's.</summary>
internal sealed class InlineGroupCommit<TItem, TResult>(IGroupCommitHandler<TItem, TResult> handler) : IGroupCommit<TItem, TResult>
{
    public async ValueTask<TResult> SubmitAsync(TItem item, string actor, CancellationToken cancellationToken) =>
        (await handler.HandleAsync([item], cancellationToken))[0];
}
