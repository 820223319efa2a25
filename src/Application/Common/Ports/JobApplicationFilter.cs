using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>Optional filters of the application list; <see cref="OwnerId"/> limits a candidate to his own.</summary>
public sealed record JobApplicationFilter(string? InterviewId, ApplicationStatus? Status, string? OwnerId);
