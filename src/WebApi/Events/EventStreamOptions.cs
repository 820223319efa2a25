namespace AppBackend.WebApi.Events;

/// <summary>The event streams as the HTTP side needs them (the <c>Events</c> section; the event log has its own options, <c>EventLogOptions</c>).</summary>
public sealed class EventStreamOptions
{
    public const string SectionName = "Events";

    /// <summary>How often a stream sends a comment line, so that proxies and clients keep an idle connection open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
