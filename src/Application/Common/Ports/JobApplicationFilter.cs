using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Optional filters of the application list; <see cref="OwnerId"/> limits a candidate to his own, and
/// <see cref="UpdatedBefore"/> keeps only applications not changed since that moment (inclusive).
/// </summary>
public sealed record JobApplicationFilter(
    string? InterviewId, ApplicationStatus? Status, string? OwnerId, DateTimeOffset? UpdatedBefore = null);
