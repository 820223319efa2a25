using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AppBackend.Infrastructure.Security;

/// <summary>Mints HS256 JWTs: dev tokens for the frontend API, and the tokens AppBackend presents to the AI backend.</summary>
public sealed class HmacJwtIssuer(TimeProvider clock)
{
    public const string RoleClaim = "role";

    /// <summary>A recruiter's organization (contract section 4).</summary>
    public const string OrganizationClaim = "org";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A token with a fresh <c>jti</c>, <c>iat</c> = <c>nbf</c> = now and <c>exp</c> = now + <paramref name="lifetime"/>.</summary>
    public string Issue(string signingKey, string issuer, string audience, TimeSpan lifetime, IReadOnlyDictionary<string, object> claims)
    {
        var keyBytes = Encoding.UTF8.GetBytes(signingKey);
        if (keyBytes.Length < 32)
        {
            throw new ArgumentException("An HS256 signing key needs at least 32 bytes.", nameof(signingKey));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>(claims) { [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keyBytes), SecurityAlgorithms.HmacSha256),
        };
        return Handler.CreateToken(descriptor);
    }

    /// <summary>
    /// A frontend API token for <paramref name="role"/> and subject <paramref name="subject"/>, with the <c>org</c>
    /// claim when <paramref name="organizationId"/> is given (a recruiter's token needs one).
    /// </summary>
    public string IssueUserToken(
        string signingKey, string issuer, string audience, string role, string subject, TimeSpan lifetime, string? organizationId = null)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            [RoleClaim] = role,
        };
        if (organizationId is not null)
        {
            claims[OrganizationClaim] = organizationId;
        }

        return Issue(signingKey, issuer, audience, lifetime, claims);
    }
}
