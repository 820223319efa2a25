namespace AppBackend.Domain.JobApplications.Events;

public sealed record ApplicationSubmitted(int DispatchAttempt, int VideoCount) : JobApplicationEvent;
