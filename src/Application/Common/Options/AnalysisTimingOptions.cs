using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Options;

/// <summary>When AppBackend asks after silent jobs and when it alerts on them (the <c>Analysis</c> section).</summary>
public sealed class AnalysisTimingOptions
{
    public const string SectionName = "Analysis";

    /// <summary>How often the poller runs, and how long after asking about a job it asks again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Silence after dispatch before a job is polled.</summary>
    public TimeSpan PollAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Silence after dispatch before the Slack alert.</summary>
    public TimeSpan AlertAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait before a failed Slack post is tried again; it doubles with each failure up to 30 minutes.</summary>
    public TimeSpan AlertRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The schedule the aggregate keeps each job's next poll by (a method: the configuration binder leaves it alone).</summary>
    public PollSchedule Polls() => new(PollAfter, PollInterval);
}
