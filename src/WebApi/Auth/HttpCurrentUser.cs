using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AppBackend.WebApi.Auth;

/// <summary>The caller as the validated JWT describes him; never one acting across organizations.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Subject =>
        accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value
        ?? throw new InvalidOperationException("The request has no authenticated subject.");

    public bool IsRecruiter => accessor.HttpContext?.User.IsInRole(Roles.Recruiter) == true;

    public string? OrganizationId => IsRecruiter ? accessor.HttpContext?.User.FindFirst(HmacJwtIssuer.OrganizationClaim)?.Value : null;

    public bool ActsAcrossOrganizations => false;
}
