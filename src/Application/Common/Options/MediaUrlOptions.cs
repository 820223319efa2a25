namespace AppBackend.Application.Common.Options;

/// <summary>Which URLs the API accepts for videos and CVs.</summary>
public sealed class MediaUrlOptions
{
    public const string SectionName = "Media";

    /// <summary>Accept plain <c>http</c> URLs as well as <c>https</c> (local and test deployments only).</summary>
    public bool AllowInsecureUrls { get; set; }
}
