using AppBackend.Domain.Common;

namespace AppBackend.Domain.JobApplications.Events;

/// <summary>
/// One change of an application: every transition of <see cref="JobApplication"/> raises exactly one, stamped with
/// the version the change brought the application to (one change, one version, one event).
/// </summary>
public abstract record JobApplicationEvent : IDomainEvent
{
    public string ApplicationId { get; init; } = string.Empty;

    /// <summary>The application's version after this change.</summary>
    public long Version { get; init; }

    public DateTimeOffset At { get; init; }
}
