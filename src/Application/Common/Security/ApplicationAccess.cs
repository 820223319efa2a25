namespace AppBackend.Application.Common.Security;

/// <summary>
/// Contract section 4, decided in one place: a recruiter reaches his organization's interviews and applications, a
/// candidate any interview by its id and only the applications he created, the admin tool everything. Every query
/// and command a caller sends reads through the scope made here (the query ports take it; the commands load through
/// <c>JobApplicationLookups</c>); tests/Architecture keeps it so.
/// </summary>
public static class ApplicationAccess
{
    /// <summary>The longest <c>org</c> claim a token may carry.</summary>
    public const int MaxOrganizationIdLength = 128;

    public static AccessScope ScopeOf(this ICurrentUser user)
    {
        if (user.ActsAcrossOrganizations)
        {
            return AccessScope.Everything;
        }

        if (!user.IsRecruiter)
        {
            return AccessScope.ForOwner(user.Subject);
        }

        // The API's authorization policy refuses (403) a recruiter token without an organization before any handler runs.
        return string.IsNullOrEmpty(user.OrganizationId)
            ? throw new InvalidOperationException("A recruiter without an organization reached the Application layer.")
            : AccessScope.ForOrganization(user.OrganizationId);
    }

    /// <summary>The organization a recruiter creates interviews in: his own.</summary>
    public static string OrganizationOf(this ICurrentUser user) =>
        user.ScopeOf() is { Kind: AccessScopeKind.Organization, OrganizationId: { } organizationId }
            ? organizationId
            : throw new InvalidOperationException("Only a recruiter of an organization creates interviews.");
}
