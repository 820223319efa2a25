namespace AppBackend.Application.Common.Ports;

/// <summary>One reader's subscription to one application's events; disposing it unsubscribes.</summary>
public interface IApplicationEventSubscription : IDisposable
{
    string ApplicationId { get; }

    /// <summary>Tells the feed the version this reader starts after, so the shared reads need not reach further back.</summary>
    void Start(long version);

    /// <summary>Waits until a change may have been committed since the last wake; false when the feed shuts down.</summary>
    ValueTask<bool> WaitForChangeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The events after <paramref name="version"/>, oldest first and without gaps: from what the instance already read
    /// for all subscribers when it has them, else from the log.
    /// </summary>
    Task<EventsAfter> ReadAfterAsync(long version, CancellationToken cancellationToken);
}
