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
    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/token", IssueDevelopmentToken).WithTags("Development").AllowAnonymous();
        return app;
    }

    public static Results<Ok<DevelopmentToken>, ProblemHttpResult> IssueDevelopmentToken(
        HmacJwtIssuer issuer, IOptions<AuthOptions> auth, string role = Roles.Candidate, string sub = "dev-candidate")
    {
        if (role is not (Roles.Recruiter or Roles.Candidate) || string.IsNullOrWhiteSpace(sub) || auth.Value.SigningKey is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: "role must be 'recruiter' or 'candidate', sub must be non-empty, and a signing key must be configured.");
        }

        var token = issuer.IssueUserToken(auth.Value.SigningKey, auth.Value.Issuer, auth.Value.Audience, role, sub, TimeSpan.FromHours(8));
        return TypedResults.Ok(new DevelopmentToken(token, role, sub));
    }
}

public sealed record DevelopmentToken(string AccessToken, string Role, string Sub);
