namespace AppBackend.Domain.JobApplications.Events;

/// <summary>The poller claimed a silent job to ask the AI backend about it.</summary>
public sealed record JobPolled(string? JobId, string VideoResponseId) : JobApplicationEvent;
