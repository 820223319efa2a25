using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace AppBackend.WebApi.Auth;

/// <summary>
/// Contract section 4: a recruiter token carries its organization in <c>org</c> (1 to 128 characters), without which
/// it reaches nothing; a candidate's token needs none. Part of every API policy, so no recruiter route forgets it.
/// </summary>
internal sealed class RecruiterOrganizationRequirement
    : AuthorizationHandler<RecruiterOrganizationRequirement>, IAuthorizationRequirement
{
    public const string Code = "auth.organization_missing";

    public const string Detail =
        "A recruiter token must carry an 'org' claim: the id of the recruiter's organization, 1 to 128 characters.";

    public static bool HasUsableOrganization(string? organizationId) =>
        !string.IsNullOrWhiteSpace(organizationId) && organizationId.Length <= ApplicationAccess.MaxOrganizationIdLength;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecruiterOrganizationRequirement requirement)
    {
        var user = context.User;
        // Left unmet rather than failed outright, so that it is named among the failed requirements the 403 is written from.
        if (!user.IsInRole(Roles.Recruiter) || HasUsableOrganization(user.FindFirst(HmacJwtIssuer.OrganizationClaim)?.Value))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
