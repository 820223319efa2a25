using System.Text;
using AppBackend.AiBackendSimulator.State;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AppBackend.AiBackendSimulator.Auth;

/// <summary>
/// Checks the JWT AppBackend signs for every call (contract section 3): HS256 with
/// AI_BACKEND_SECRET, iss/aud fixed, exp in the future, iat and jti present and a
/// lifetime of at most 15 minutes. Strict on purpose, so AppBackend's tokens are tested.
/// </summary>
public sealed class BackendTokenValidator(SimulatorState state, TimeProvider timeProvider)
{
    public const string Issuer = "app-backend";
    public const string Audience = "ai-backend";

    private static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<TokenCheck> CheckAsync(string? authorizationHeader)
    {
        const string prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid("missing bearer token");
        }

        var result = await _handler.ValidateTokenAsync(authorizationHeader[prefix.Length..].Trim(), Parameters());
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return TokenCheck.Invalid(Describe(result.Exception));
        }

        if (LifetimeProblem(token) is { } problem)
        {
            return TokenCheck.Invalid(problem);
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            return TokenCheck.Invalid("jti claim missing");
        }

        return TokenCheck.Valid(new JwtClaimsView(
            Jti: token.Id,
            Iss: token.Issuer,
            Aud: string.Join(",", token.Audiences),
            Iat: DateTimeOffset.FromUnixTimeSeconds(token.GetPayloadValue<long>(JwtRegisteredClaimNames.Iat)),
            Nbf: token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var notBefore)
                ? DateTimeOffset.FromUnixTimeSeconds(notBefore)
                : null,
            Exp: DateTimeOffset.FromUnixTimeSeconds(token.GetPayloadValue<long>(JwtRegisteredClaimNames.Exp))));
    }

    // Checked here rather than by IdentityModel, whose clock cannot be replaced by our TimeProvider.
    private string? LifetimeProblem(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp))
        {
            return "exp claim missing";
        }

        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat))
        {
            return "iat claim missing";
        }

        var now = timeProvider.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(exp) <= now - ClockSkew)
        {
            return "token expired";
        }

        if (token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) > now + ClockSkew)
        {
            return "token not yet valid (nbf)";
        }

        return TimeSpan.FromSeconds(exp - iat) > MaximumLifetime ? "token lifetime (exp - iat) exceeds 15 minutes" : null;
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(state.Settings.BackendSecret)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        ValidateLifetime = false,
    };

    // Our own words for the 401 body: enough to debug a token, without library internals.
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => $"audience must be '{Audience}'",
        SecurityTokenInvalidIssuerException => $"issuer must be '{Issuer}'",
        SecurityTokenInvalidAlgorithmException => "algorithm must be HS256",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "signature invalid",
        SecurityTokenMalformedException => "token malformed",
        _ => "token invalid",
    };
}
