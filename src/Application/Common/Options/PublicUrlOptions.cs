namespace AppBackend.Application.Common.Options;

/// <summary>Where the AI backend reaches AppBackend (<c>PUBLIC_BASE_URL</c>), for the callback and media URLs.</summary>
public sealed class PublicUrlOptions
{
    public const string WebhookPath = "/webhooks/analysis-ready";

    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080");

    /// <summary>Keeps any path prefix of the base URL (a deployment behind <c>https://host/backend</c>).</summary>
    public string CallbackUrl => Absolute(WebhookPath);

    public string Absolute(string path) => PublicBaseUrl.AbsoluteUri.TrimEnd('/') + path;
}
