namespace AppBackend.AiBackendSimulator.Auth;

/// <summary>The outcome of checking a bearer token: its claims when valid, otherwise a short reason for the 401.</summary>
public sealed record TokenCheck(JwtClaimsView? Claims, string? FailureReason)
{
    public bool IsValid => Claims is not null;

    public static TokenCheck Valid(JwtClaimsView claims) => new(claims, null);

    public static TokenCheck Invalid(string reason) => new(null, reason);
}
