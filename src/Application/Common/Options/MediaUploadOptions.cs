namespace AppBackend.Application.Common.Options;

/// <summary>Limits on the videos the API stores itself (the <c>Media</c> section).</summary>
public sealed class MediaUploadOptions
{
    public const string SectionName = "Media";

    /// <summary>500 MB, the contract's default.</summary>
    public const long DefaultMaxUploadBytes = 524_288_000;

    /// <summary>The largest video file accepted; beyond it the upload is refused with <c>413</c> and nothing is kept.</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}
