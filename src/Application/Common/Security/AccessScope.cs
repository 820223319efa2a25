using System.Linq.Expressions;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Security;

/// <summary>
/// What one caller reaches (contract section 4), as <see cref="ApplicationAccess.ScopeOf"/> decides it. The query
/// ports apply <see cref="Applications"/> and <see cref="Interviews"/> in SQL; the commands check the aggregate they
/// loaded with <see cref="Reaches(JobApplication)"/>. Both forms of each rule are written here, side by side, and a
/// unit test holds them equal. What is out of scope reads as not found, never as forbidden.
/// </summary>
public sealed record AccessScope
{
    private AccessScope(AccessScopeKind kind, string? organizationId, string? ownerId) =>
        (Kind, OrganizationId, OwnerId) = (kind, organizationId, ownerId);

    /// <summary>Every organization. Only the admin tool (through <see cref="ApplicationAccess"/>) and the AI pipeline use it.</summary>
    public static AccessScope Everything { get; } = new(AccessScopeKind.Everything, null, null);

    public AccessScopeKind Kind { get; }

    public string? OrganizationId { get; }

    public string? OwnerId { get; }

    /// <summary>The applications in scope, as a filter the query ports translate to SQL.</summary>
    public Expression<Func<JobApplication, bool>> Applications
    {
        get
        {
            var (organizationId, ownerId) = (OrganizationId, OwnerId);
            return Kind switch
            {
                AccessScopeKind.Organization => a => a.OrganizationId == organizationId,
                AccessScopeKind.Owner => a => a.OwnerId == ownerId,
                _ => a => true,
            };
        }
    }

    /// <summary>The interviews in scope: a candidate reaches any one by its id, so only a recruiter's is narrowed.</summary>
    public Expression<Func<Interview, bool>> Interviews
    {
        get
        {
            var organizationId = OrganizationId;
            return Kind == AccessScopeKind.Organization ? i => i.OrganizationId == organizationId : i => true;
        }
    }

    internal static AccessScope ForOrganization(string organizationId) => new(AccessScopeKind.Organization, organizationId, null);

    internal static AccessScope ForOwner(string ownerId) => new(AccessScopeKind.Owner, null, ownerId);

    /// <summary><see cref="Applications"/> for one loaded aggregate.</summary>
    public bool Reaches(JobApplication application) => Kind switch
    {
        AccessScopeKind.Organization => application.OrganizationId == OrganizationId,
        AccessScopeKind.Owner => application.OwnerId == OwnerId,
        _ => true,
    };

    /// <summary><see cref="Interviews"/> for one loaded aggregate.</summary>
    public bool Reaches(Interview interview) => Kind != AccessScopeKind.Organization || interview.OrganizationId == OrganizationId;
}
