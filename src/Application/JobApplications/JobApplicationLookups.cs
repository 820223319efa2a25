using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.JobApplications;

/// <summary>
/// The reads every command of a caller starts with: the only place (besides the AI pipeline's own handlers) that
/// loads an aggregate for saving, so that each such load passes the caller's <see cref="AccessScope"/>.
/// </summary>
internal static class JobApplicationLookups
{
    /// <summary>The application, tracked for saving, or null when it does not exist or is out of the caller's scope (both read as 404).</summary>
    public static async Task<JobApplication?> FindAccessibleAsync(
        this IJobApplicationRepository applications, string applicationId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(applicationId, cancellationToken);
        return application is not null && user.ScopeOf().Reaches(application) ? application : null;
    }

    /// <summary>
    /// The application for reading only (not tracked), or null when it does not exist or is out of the caller's scope
    /// (both read as 404): the rule of <c>GET</c>, the event stream and the history.
    /// </summary>
    public static Task<JobApplication?> FindVisibleAsync(
        this IJobApplicationQueries applications, string applicationId, ICurrentUser user, CancellationToken cancellationToken) =>
        applications.FindAsync(applicationId, user.ScopeOf(), cancellationToken);

    /// <summary>The interview, or null when it does not exist or is another organization's (both read as 404).</summary>
    public static async Task<Interview?> FindAccessibleAsync(
        this IInterviewRepository interviews, string interviewId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var interview = await interviews.FindAsync(interviewId, cancellationToken);
        return interview is not null && user.ScopeOf().Reaches(interview) ? interview : null;
    }

    /// <summary>
    /// The interview of an application already in scope (so in the same organization); an application always has one
    /// (a foreign key), so its absence is a bug.
    /// </summary>
    public static async Task<Interview> GetInterviewOfAsync(
        this IInterviewRepository interviews, JobApplication application, CancellationToken cancellationToken) =>
        await interviews.FindAsync(application.InterviewId, cancellationToken)
            ?? throw new InvalidOperationException($"Application '{application.Id}' refers to a missing interview.");
}
