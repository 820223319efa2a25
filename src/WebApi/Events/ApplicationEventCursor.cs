using System.Globalization;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.Infrastructure.Events;

namespace AppBackend.WebApi.Events;

/// <summary>
/// What one event stream sends next, apart from how it is written: where the stream starts (a replay after
/// <c>Last-Event-ID</c> when the log still has it, else the current state), then every event after the last one sent,
/// each exactly once, in version order.
/// </summary>
public sealed class ApplicationEventCursor
{
    private readonly IApplicationEventSubscription _subscription;
    private IReadOnlyList<StreamedEvent> _first;

    private ApplicationEventCursor(IApplicationEventSubscription subscription, long position, IReadOnlyList<StreamedEvent> first, bool replaying)
    {
        _subscription = subscription;
        Position = position;
        _first = first;
        IsReplay = replaying;
        subscription.Start(position);
    }

    /// <summary>The version of the last event sent (or that the client had).</summary>
    public long Position { get; private set; }

    /// <summary>Whether the client is current: nothing to send before waiting.</summary>
    public bool StartsCurrent => _first.Count == 0;

    /// <summary>Whether the stream continues after the client's <c>Last-Event-ID</c> (rather than from the current state).</summary>
    public bool IsReplay { get; }

    /// <summary>
    /// Decides the start. <c>Last-Event-ID: N</c> continues after N when N is a version the application had and the log
    /// still holds every event after it; an older, unknown or non-numeric N gets the current state first.
    /// </summary>
    public static async Task<ApplicationEventCursor> OpenAsync(
        IApplicationEventSubscription subscription,
        ApplicationSnapshot current,
        string? lastEventId,
        OutgoingViewRenderer renderer,
        CancellationToken cancellationToken)
    {
        if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last <= current.Version)
        {
            if (last == current.Version)
            {
                return new ApplicationEventCursor(subscription, last, [], replaying: true);
            }

            var replay = await subscription.ReadAfterAsync(last, cancellationToken);
            if (replay is { Replayable: true, Events.Count: > 0 })
            {
                return new ApplicationEventCursor(subscription, replay.Events[^1].Version, replay.Events, replaying: true);
            }
        }

        var state = new StreamedEvent(current.Version, renderer.Render(current.View));
        return new ApplicationEventCursor(subscription, current.Version, [state], replaying: false);
    }

    /// <summary>
    /// What the stream sends before waiting: the replayed events, or the current state; empty when the client is
    /// current. Handed out once, so that an open stream does not keep its first view.
    /// </summary>
    public IReadOnlyList<StreamedEvent> TakeFirst()
    {
        var first = _first;
        _first = [];
        return first;
    }

    /// <summary>
    /// The next events after <see cref="Position"/>, waiting for a commit when there are none; null when the stream
    /// must end: the feed shut down, or the log cannot continue after <see cref="Position"/> (its replay data is gone),
    /// so the client reconnects and starts from the current state.
    /// </summary>
    public async Task<IReadOnlyList<StreamedEvent>?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _subscription.ReadAfterAsync(Position, cancellationToken);
            if (!read.Replayable)
            {
                return null;
            }

            if (read.Events.Count > 0)
            {
                Position = read.Events[^1].Version;
                return read.Events;
            }

            if (!await _subscription.WaitForChangeAsync(cancellationToken))
            {
                return null;
            }
        }
    }
}
