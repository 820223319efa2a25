using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AppBackend.IntegrationTests.Simulator;

/// <summary>Mints the JWTs AppBackend would send to the AI backend, and the broken ones it must not.</summary>
internal static class TestTokens
{
    public const string Issuer = "app-backend";
    public const string Audience = "ai-backend";

    public static string Signed(
        string secret,
        string audience = Audience,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null) =>
        Create(Descriptor(audience, issuedAt, lifetime, new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256)));

    /// <summary>A token with <c>alg: none</c> and no signature, otherwise perfect.</summary>
    public static string Unsigned() => Create(Descriptor(Audience, null, null, signingCredentials: null));

    private static SecurityTokenDescriptor Descriptor(
        string audience, DateTimeOffset? issuedAt, TimeSpan? lifetime, SigningCredentials? signingCredentials)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        return new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = iat.UtcDateTime,
            NotBefore = iat.UtcDateTime,
            Expires = (iat + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N") },
            SigningCredentials = signingCredentials,
        };
    }

    private static string Create(SecurityTokenDescriptor descriptor) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
}
