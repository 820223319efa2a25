using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Optional filters of the application list, applied within the caller's scope; <see cref="OrganizationId"/> is the
/// admin tool's <c>--org</c>, and <see cref="UpdatedBefore"/> keeps only applications not changed since that moment
/// (inclusive).
/// </summary>
public sealed record JobApplicationFilter(
    string? InterviewId, ApplicationStatus? Status, string? OrganizationId = null, DateTimeOffset? UpdatedBefore = null);
