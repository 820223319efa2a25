using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AppBackend.LoadGenerator;

/// <summary>
/// HS256 frontend tokens as the identity provider would mint them (claims sub, role and, for a recruiter, org; iss
/// appbackend, aud appbackend-api).
/// </summary>
public static class Jwt
{
    public const string Issuer = "appbackend";
    public const string Audience = "appbackend-api";

    /// <summary>The organization the benchmark's recruiter works in (a recruiter token without one is refused).</summary>
    public const string Organization = "bench-org";

    public static string Mint(string signingKey, string subject, string role, TimeSpan lifetime, string? organization = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = role,
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now,
            ["nbf"] = now - 5,
            ["exp"] = now + (long)lifetime.TotalSeconds,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (organization is not null)
        {
            claims["org"] = organization;
        }

        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signed = $"{header}.{payload}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
