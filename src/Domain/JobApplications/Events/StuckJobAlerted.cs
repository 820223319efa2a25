namespace AppBackend.Domain.JobApplications.Events;

/// <summary>The alert that a job has no result for too long was owed.</summary>
public sealed record StuckJobAlerted(string? JobId, string VideoResponseId) : JobApplicationEvent;
