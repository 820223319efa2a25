using AppBackend.Application.Common.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AppBackend.WebApi.Auth;

/// <summary>The caller as the validated JWT describes him.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Subject =>
        accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value
        ?? throw new InvalidOperationException("The request has no authenticated subject.");

    public bool IsRecruiter => accessor.HttpContext?.User.IsInRole(Roles.Recruiter) == true;
}
