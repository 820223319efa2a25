using System.Threading.Channels;
using AppBackend.Application.Common.Ports;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// This instance's side of the event log: application id → a topic holding the open subscriptions (event streams)
/// and the newest events read for them. An announcement (a commit seen in-process, a PostgreSQL notification, or
/// the <see cref="EventLogWatcher"/>'s look) queues one read of the log for the topic; <see cref="ApplicationEventFanOut"/> does it,
/// renders each new event once, keeps the last <see cref="BufferSize"/> in the topic and wakes every subscriber, who
/// takes them from there. A subscriber further behind than the buffer (a replay, a slow client) reads the log itself.
/// </summary>
public sealed class ApplicationEventHub(IApplicationEventLogReader log) : IApplicationEventFeed
{
    public const int BufferSize = 64;

    /// <summary>An announcement that asks for whatever the log has after the topic's newest event (a catch-up).</summary>
    private const long Anything = long.MaxValue;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Channel<Announcement> _announced = Channel.CreateUnbounded<Announcement>(new UnboundedChannelOptions { SingleReader = true });
    private int _count;

    /// <summary>Open subscriptions across all applications.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>What the fan-out reads; each item is one application that may have new events.</summary>
    internal ChannelReader<Announcement> Announced => _announced.Reader;

    public IApplicationEventSubscription Subscribe(string applicationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        lock (_gate)
        {
            if (!_topics.TryGetValue(applicationId, out var topic))
            {
                topic = new Topic(applicationId);
                _topics.Add(applicationId, topic);
            }

            var subscription = new Subscription(this, topic);
            topic.Subscribers.Add(subscription);
            _count++;
            return subscription;
        }
    }

    /// <summary>Open subscriptions to one application.</summary>
    public int CountFor(string applicationId)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(applicationId, out var topic) ? topic.Subscribers.Count : 0;
        }
    }

    /// <summary>Whether anyone here listens to the application.</summary>
    public bool IsWatched(string applicationId)
    {
        lock (_gate)
        {
            return _topics.ContainsKey(applicationId);
        }
    }

    /// <summary>The applications anyone here listens to, as of now.</summary>
    public IReadOnlyList<string> WatchedApplications()
    {
        lock (_gate)
        {
            return [.. _topics.Keys];
        }
    }

    /// <summary>The application reached <paramref name="version"/> (committed); its subscribers here get the new events.</summary>
    public void Announce(string applicationId, long version)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(applicationId, out var topic) || topic.Newest >= version)
            {
                return;
            }
        }

        _announced.Writer.TryWrite(new Announcement(applicationId, version));
    }

    /// <summary>After notifications may have been lost (the listener reconnected): every topic reads what the log has.</summary>
    public void CatchUp()
    {
        lock (_gate)
        {
            foreach (var id in _topics.Keys)
            {
                _announced.Writer.TryWrite(new Announcement(id, Anything));
            }
        }
    }

    /// <summary>One read of the log for the announced application (in pages), shared by all its subscribers here.</summary>
    internal async Task RefreshAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        while (true)
        {
            Topic? topic;
            long after;
            lock (_gate)
            {
                if (!_topics.TryGetValue(announcement.ApplicationId, out topic))
                {
                    return;
                }

                if (topic.Newest is { } newest)
                {
                    if (newest >= announcement.Version)
                    {
                        return;
                    }

                    after = newest;
                }
                else if (announcement.Version == Anything)
                {
                    // Nobody here has started reading yet; each will read the log from its own start.
                    return;
                }
                else
                {
                    after = Math.Max(0, announcement.Version - 1);
                }
            }

            var read = await log.ReadAfterAsync(announcement.ApplicationId, after, BufferSize, cancellationToken);
            if (read.Events.Count == 0)
            {
                return;
            }

            lock (_gate)
            {
                topic.Append(read.Events);
            }

            if (read.Events.Count < BufferSize)
            {
                return;
            }
        }
    }

    /// <summary>Stops every subscription (the host is stopping).</summary>
    internal void Complete()
    {
        _announced.Writer.TryComplete();
        lock (_gate)
        {
            foreach (var subscriber in _topics.Values.SelectMany(t => t.Subscribers))
            {
                subscriber.Close();
            }
        }
    }

    private EventsAfter? BufferedAfter(Topic topic, long version)
    {
        lock (_gate)
        {
            return topic.After(version);
        }
    }

    private Task<EventsAfter> ReadLogAsync(string applicationId, long version, CancellationToken cancellationToken) =>
        log.ReadAfterAsync(applicationId, version, BufferSize, cancellationToken);

    private void Start(Topic topic, long version)
    {
        lock (_gate)
        {
            topic.Newest ??= version;
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            var topic = subscription.Topic;
            if (!topic.Subscribers.Remove(subscription))
            {
                return;
            }

            _count--;
            if (topic.Subscribers.Count == 0)
            {
                _topics.Remove(topic.ApplicationId);
            }
        }
    }

    internal readonly record struct Announcement(string ApplicationId, long Version);

    /// <summary>One application's subscribers and its newest events; guarded by the hub's lock.</summary>
    private sealed class Topic(string applicationId)
    {
        private readonly Queue<StreamedEvent> _buffer = new();

        public string ApplicationId { get; } = applicationId;

        public List<Subscription> Subscribers { get; } = [];

        /// <summary>The newest version this topic knows of (null until a subscriber starts or an announcement is read).</summary>
        public long? Newest { get; set; }

        /// <summary>Takes events read from the log (contiguous); keeps the buffer contiguous and ending at <see cref="Newest"/>.</summary>
        public void Append(IReadOnlyList<StreamedEvent> events)
        {
            foreach (var next in events)
            {
                if (next.Version <= Newest)
                {
                    continue;
                }

                if (next.Version != Newest + 1)
                {
                    // Not joined to what the buffer holds: start it afresh; subscribers behind it read the log.
                    _buffer.Clear();
                }

                _buffer.Enqueue(next);
                if (_buffer.Count > BufferSize)
                {
                    _buffer.Dequeue();
                }

                Newest = next.Version;
            }

            foreach (var subscriber in Subscribers)
            {
                subscriber.Wake();
            }
        }

        /// <summary>The buffered events after <paramref name="version"/>, or null when the buffer does not reach back to it.</summary>
        public EventsAfter? After(long version)
        {
            if (Newest is not { } newest || version >= newest)
            {
                return Newest is null ? null : EventsAfter.Nothing;
            }

            if (_buffer.Count == 0 || _buffer.Peek().Version > version + 1)
            {
                return null;
            }

            return new EventsAfter([.. _buffer.Where(e => e.Version > version)], Replayable: true);
        }
    }

    private sealed class Subscription(ApplicationEventHub hub, Topic topic) : IApplicationEventSubscription
    {
        private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });

        private int _disposed;

        public Topic Topic { get; } = topic;

        public string ApplicationId => Topic.ApplicationId;

        public void Start(long version) => hub.Start(Topic, version);

        public async ValueTask<bool> WaitForChangeAsync(CancellationToken cancellationToken)
        {
            if (!await _wake.Reader.WaitToReadAsync(cancellationToken))
            {
                return false;
            }

            _wake.Reader.TryRead(out _);
            return true;
        }

        public async Task<EventsAfter> ReadAfterAsync(long version, CancellationToken cancellationToken) =>
            hub.BufferedAfter(Topic, version)
                ?? await hub.ReadLogAsync(ApplicationId, version, cancellationToken);

        public void Wake() => _wake.Writer.TryWrite(true);

        public void Close() => _wake.Writer.TryComplete();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Remove(this);
                Close();
            }
        }
    }
}
