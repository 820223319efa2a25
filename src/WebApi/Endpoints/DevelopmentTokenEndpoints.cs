using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.Security;
using AppBackend.WebApi.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Endpoints;

/// <summary>
/// Development only: mints a frontend token signed with the configured key, so a newcomer can try the API
/// from the Scalar page at once. Never mapped outside Development.
/// </summary>
public static class DevelopmentTokenEndpoints
{
    /// <summary>The organization of a dev recruiter token when the request names none.</summary>
    public const string DefaultOrganization = "dev-org";

    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/token", IssueDevelopmentToken)
            .WithTags("Development")
            .WithDescription($"A recruiter token carries org (default '{DefaultOrganization}'); a candidate token has none, org is ignored for it.")
            .AllowAnonymous();
        return app;
    }

    public static Results<Ok<DevelopmentToken>, ProblemHttpResult> IssueDevelopmentToken(
        HmacJwtIssuer issuer,
        IOptions<AuthOptions> auth,
        string role = Roles.Candidate,
        string sub = "dev-candidate",
        string org = DefaultOrganization)
    {
        if (role is not (Roles.Recruiter or Roles.Candidate)
            || string.IsNullOrWhiteSpace(sub)
            || !RecruiterOrganizationRequirement.HasUsableOrganization(org)
            || auth.Value.SigningKey is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: $"role must be 'recruiter' or 'candidate', sub must be non-empty, org must be 1 to {ApplicationAccess.MaxOrganizationIdLength} characters, and a signing key must be configured.");
        }

        var organization = role == Roles.Recruiter ? org : null;
        var token = issuer.IssueUserToken(auth.Value.SigningKey, auth.Value.Issuer, auth.Value.Audience, role, sub, TimeSpan.FromHours(8), organization);
        return TypedResults.Ok(new DevelopmentToken(token, role, sub, organization));
    }
}

/// <summary><see cref="Org"/> is the recruiter's organization, null for a candidate.</summary>
public sealed record DevelopmentToken(string AccessToken, string Role, string Sub, string? Org);
