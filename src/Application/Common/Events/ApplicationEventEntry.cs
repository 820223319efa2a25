namespace AppBackend.Application.Common.Events;

/// <summary>
/// One row of the application event log: a committed change of one application, written by the unit of work in the
/// same transaction as the change. The event stream, the history and (on PostgreSQL) <c>NOTIFY</c> are all built from
/// it. <see cref="View"/> is the application view at <see cref="Version"/>, kept for replay within
/// <c>Events:Retention</c>; everything else stays as long as the application.
/// </summary>
public sealed class ApplicationEventEntry
{
    private ApplicationEventEntry()
    {
    }

    public ApplicationEventEntry(
        string applicationId, long version, DateTimeOffset at, string type, string status, string actor, string details, string view)
    {
        ApplicationId = applicationId;
        Version = version;
        At = at;
        Type = type;
        Status = status;
        Actor = actor;
        Details = details;
        View = view;
    }

    /// <summary>The key: a database sequence across all applications (in insert order; on PostgreSQL not always in commit order).</summary>
    public long Sequence { get; private set; }

    public string ApplicationId { get; private set; } = string.Empty;

    /// <summary>The application's version after the change; one entry per version.</summary>
    public long Version { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>One of <see cref="ApplicationEventTypes"/>.</summary>
    public string Type { get; private set; } = string.Empty;

    /// <summary>The application's status (wire name) after the change.</summary>
    public string Status { get; private set; } = string.Empty;

    public string Actor { get; private set; } = string.Empty;

    /// <summary>A JSON object: <see cref="ApplicationEventDescription.Details"/>.</summary>
    public string Details { get; private set; } = "{}";

    /// <summary>The view JSON at <see cref="Version"/>, as the mapping made it at commit; null once pruned.</summary>
    public string? View { get; private set; }
}
