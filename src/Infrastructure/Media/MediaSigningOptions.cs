namespace AppBackend.Infrastructure.Media;

/// <summary>How media URLs are signed (<c>Media:SigningKey</c>, <c>Media:UrlLifetime</c>).</summary>
public sealed class MediaSigningOptions
{
    public const string SigningKeyKey = "Media:SigningKey";
    public const string UrlLifetimeKey = "Media:UrlLifetime";

    /// <summary>Used only in Development when no key is configured; every other environment must set its own.</summary>
    public const string DevelopmentSigningKey = "appbackend-development-media-url-key-do-not-use-in-production";

    public const int MinimumKeyBytes = 32;

    /// <summary>The HMAC-SHA256 key (UTF-8, at least 32 bytes), distinct from every other secret AppBackend holds.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>How long a signed media URL stays valid; long enough for the AI backend to fetch the video.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromDays(1);
}
