namespace AppBackend.Domain.JobApplications.Events;

public sealed record ApplicationCreated(string InterviewId) : JobApplicationEvent;
