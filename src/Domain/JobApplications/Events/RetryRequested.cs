namespace AppBackend.Domain.JobApplications.Events;

/// <summary>A failed application went back to queued; <paramref name="VideoResponseIds"/> are the videos sent again.</summary>
public sealed record RetryRequested(int DispatchAttempt, IReadOnlyList<string> VideoResponseIds) : JobApplicationEvent;
