using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Security;

/// <summary>Contract section 4: a candidate reaches only the applications he created; others read as not found.</summary>
public static class ApplicationAccess
{
    public static bool CanAccess(this ICurrentUser user, JobApplication application) =>
        user.IsRecruiter || application.IsOwnedBy(user.Subject);
}
