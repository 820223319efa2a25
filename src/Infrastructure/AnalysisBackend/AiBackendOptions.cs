namespace AppBackend.Infrastructure.AnalysisBackend;

/// <summary>The AI backend's address and the secret AppBackend signs its JWTs with (flat names, contract section 3).</summary>
public sealed class AiBackendOptions
{
    public const string UrlKey = "AI_BACKEND_URL";
    public const string SecretKey = "AI_BACKEND_SECRET";

    /// <summary>Development defaults: the AI backend simulator on its default port, with its default secret.</summary>
    public const string DevelopmentUrl = "http://127.0.0.1:5090";
    public const string DevelopmentSecret = "appbackend-dev-ai-backend-secret-change-me-0123456789";

    public const string Issuer = "app-backend";
    public const string Audience = "ai-backend";

    /// <summary>Well under the contract's 15-minute ceiling; a fresh token is minted for every request anyway.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    public Uri BaseUrl { get; set; } = new(DevelopmentUrl);

    public string Secret { get; set; } = string.Empty;
}
