using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.JobApplications;

/// <summary>The reads every application use case starts with.</summary>
internal static class JobApplicationLookups
{
    /// <summary>The application, tracked for saving, or null when it does not exist or the caller may not see it (both read as 404).</summary>
    public static async Task<JobApplication?> FindAccessibleAsync(
        this IJobApplicationRepository applications, string applicationId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(applicationId, cancellationToken);
        return application is not null && user.CanAccess(application) ? application : null;
    }

    /// <summary>The application for reading only (not tracked), or null when it does not exist or the caller may not see it (both read as 404).</summary>
    public static async Task<JobApplication?> FindVisibleAsync(
        this IJobApplicationQueries applications, string applicationId, ICurrentUser user, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(applicationId, cancellationToken);
        return application is not null && user.CanAccess(application) ? application : null;
    }

    /// <summary>The application's interview; an application always has one (a foreign key), so its absence is a bug.</summary>
    public static async Task<Interview> GetInterviewOfAsync(
        this IInterviewRepository interviews, JobApplication application, CancellationToken cancellationToken) =>
        await interviews.FindAsync(application.InterviewId, cancellationToken)
            ?? throw new InvalidOperationException($"Application '{application.Id}' refers to a missing interview.");
}
