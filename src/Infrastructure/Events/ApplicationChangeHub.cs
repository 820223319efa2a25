using System.Threading.Channels;
using AppBackend.Application.Common.Ports;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The in-memory side of the change notifications: application id → the open subscriptions (event streams) of
/// this instance. <see cref="ApplicationChangeFeed"/> calls <see cref="Notify"/>; notifying never waits on a
/// subscriber, because each holds at most one pending version and a newer one replaces it.
/// </summary>
public sealed class ApplicationChangeHub : IApplicationChangeNotifications
{
    private static readonly BoundedChannelOptions PendingVersion = new(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
        SingleWriter = false,
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Subscription>> _subscriptions = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Open subscriptions across all applications; the feed skips its query while there are none.</summary>
    public int Count => Volatile.Read(ref _count);

    public IApplicationChangeSubscription Subscribe(string applicationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        var subscription = new Subscription(this, applicationId);
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(applicationId, out var list))
            {
                list = [];
                _subscriptions.Add(applicationId, list);
            }

            list.Add(subscription);
            _count++;
        }

        return subscription;
    }

    /// <summary>Open subscriptions to one application.</summary>
    public int CountFor(string applicationId)
    {
        lock (_gate)
        {
            return _subscriptions.TryGetValue(applicationId, out var list) ? list.Count : 0;
        }
    }

    /// <summary>Hands <paramref name="version"/> to every subscriber of the application; returns how many there were.</summary>
    public int Notify(string applicationId, long version)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(applicationId, out var list))
            {
                return 0;
            }

            foreach (var subscription in list)
            {
                subscription.Offer(version);
            }

            return list.Count;
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(subscription.ApplicationId, out var list) || !list.Remove(subscription))
            {
                return;
            }

            _count--;
            if (list.Count == 0)
            {
                _subscriptions.Remove(subscription.ApplicationId);
            }
        }
    }

    private sealed class Subscription(ApplicationChangeHub hub, string applicationId) : IApplicationChangeSubscription
    {
        private readonly Channel<long> _versions = Channel.CreateBounded<long>(PendingVersion);
        private int _disposed;

        public string ApplicationId { get; } = applicationId;

        public ChannelReader<long> Versions => _versions.Reader;

        public void Offer(long version) => _versions.Writer.TryWrite(version);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Remove(this);
                _versions.Writer.TryComplete();
            }
        }
    }
}
