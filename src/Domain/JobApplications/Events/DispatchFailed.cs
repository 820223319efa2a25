namespace AppBackend.Domain.JobApplications.Events;

/// <summary>The dispatch failed for good; <paramref name="Answer"/> is what the AI backend answered, when known.</summary>
public sealed record DispatchFailed(int DispatchAttempt, string Reason, string? Answer) : JobApplicationEvent;
