namespace AppBackend.Domain.JobApplications.Events;

/// <summary>The AI backend took the dispatch; each sent video has its job.</summary>
public sealed record DispatchAccepted(int DispatchAttempt, IReadOnlyList<DispatchedJob> Jobs) : JobApplicationEvent;
