namespace AppBackend.WebApi.Auth;

/// <summary>The <c>Auth</c> section: frontend JWT validation (contract sections 4 and 6).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Used only in Development when no key is configured; documented in the README so newcomers can mint tokens.</summary>
    public const string DevelopmentSigningKey = "appbackend-development-signing-key-do-not-use-in-production";

    public string Issuer { get; set; } = "appbackend";

    public string Audience { get; set; } = "appbackend-api";

    /// <summary>HS256 key, at least 32 bytes. Required outside Development unless <see cref="Authority"/> is set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC authority; when set, its published keys are used instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }
}
