namespace AppBackend.Infrastructure.Media;

/// <summary>Where the local-disk store keeps uploaded videos (<c>Media:Root</c>).</summary>
public sealed class MediaStorageOptions
{
    public const string SectionName = "Media";

    /// <summary>Relative paths are taken from the working directory, like the default SQLite file.</summary>
    public string Root { get; set; } = "./media";
}
