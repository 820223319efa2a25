using AppBackend.Application.Common.Paging;
using Mediator;

namespace AppBackend.Application.JobApplications.ListApplications;

/// <summary>
/// <see cref="Status"/> is a wire name such as <c>awaiting_ai_analysis</c>. <see cref="NotUpdatedFor"/> keeps only
/// applications whose last change is at least that long ago (the admin tool's <c>--older-than</c>);
/// <see cref="OrganizationId"/> keeps one organization's (the admin tool's <c>--org</c>; a recruiter's list is his
/// organization's anyway).
/// </summary>
public sealed record ListApplicationsQuery(
    string? InterviewId = null,
    string? Status = null,
    int Limit = PageCursor.DefaultLimit,
    string? Cursor = null,
    TimeSpan? NotUpdatedFor = null,
    string? OrganizationId = null)
    : IQuery<Page<JobApplicationView>>;
