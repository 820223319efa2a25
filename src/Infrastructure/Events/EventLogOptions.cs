namespace AppBackend.Infrastructure.Events;

/// <summary>The application event log and its delivery to this instance (the <c>Events</c> section).</summary>
public sealed class EventLogOptions
{
    public const string SectionName = "Events";

    /// <summary>How long the replay view of an event is kept (a reconnect with an older <c>Last-Event-ID</c> gets the current state); the history stays.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the retention job prunes replay views older than <see cref="Retention"/>.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// While streams are open, how often the instance looks at the log for changes it was not told of: on SQLite those
    /// another process (the admin tool) committed, on PostgreSQL those whose announcement was lost.
    /// </summary>
    public TimeSpan LogCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>PostgreSQL: the wait before the <c>LISTEN</c> connection is opened again after it was lost.</summary>
    public TimeSpan ListenerReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
}
