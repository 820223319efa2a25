namespace AppBackend.Infrastructure.Events;

/// <summary>The change feed behind the event streams (the <c>Events</c> section).</summary>
public sealed class ChangeFeedOptions
{
    public const string SectionName = "Events";

    /// <summary>Run the change feed in this instance; without it, streams send the current state and keep-alives only.</summary>
    public bool ChangeFeedEnabled { get; set; } = true;

    /// <summary>How often the feed asks the database what changed (one query per interval for the whole instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How far back each look reaches before the previous one: tolerates clock skew between instances and
    /// transactions that commit a little after they stamped <c>UpdatedAt</c>.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromSeconds(2);
}
