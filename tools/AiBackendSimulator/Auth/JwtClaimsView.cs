namespace AppBackend.AiBackendSimulator.Auth;

/// <summary>The registered claims of a token that passed validation, as shown by <c>GET /control/requests</c>.</summary>
public sealed record JwtClaimsView(
    string? Jti,
    string? Iss,
    string? Aud,
    DateTimeOffset? Iat,
    DateTimeOffset? Nbf,
    DateTimeOffset? Exp);
