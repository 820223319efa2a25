using AppBackend.WebApi.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AppBackend.WebApi.Auth;

/// <summary>
/// A recruiter token without its organization gets a 403 problem that says so (code
/// <c>auth.organization_missing</c>); every other authorization outcome is the framework's own.
/// </summary>
internal sealed class OrganizationProblemResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var missingOrganization = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RecruiterOrganizationRequirement>().Any() == true;
        if (!missingOrganization)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemMapping.Coded(
                StatusCodes.Status403Forbidden, RecruiterOrganizationRequirement.Code, RecruiterOrganizationRequirement.Detail),
        });
    }
}
