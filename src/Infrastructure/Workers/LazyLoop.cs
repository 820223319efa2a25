namespace AppBackend.Infrastructure.Workers;

/// <summary>
/// A singleton's background loop (<c>GroupCommit</c>, <c>PostgresCommitBroadcast</c>) that starts at its first use,
/// on the thread pool without the first caller's execution context (its logging scope, its activity). The loop ends by
/// itself once its owner completes its queue; <see cref="StoppedAsync"/> waits for that.
/// </summary>
internal sealed class LazyLoop(Func<Task> run)
{
    private readonly Lazy<Task> _loop = new(() =>
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(run);
        }
    });

    public void EnsureStarted() => _ = _loop.Value;

    /// <summary>The loop's end, or at once when it never started.</summary>
    public Task StoppedAsync() => _loop.IsValueCreated ? _loop.Value : Task.CompletedTask;
}
