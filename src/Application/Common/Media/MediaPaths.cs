namespace AppBackend.Application.Common.Media;

/// <summary>
/// The unsigned path a stored video is served at (<c>/media/{videoResponseId}</c>). It is what a stored upload's
/// <c>Url</c> holds, and so what a stored or compared view holds; a caller can fetch it only with a signature
/// (contract section 4).
/// </summary>
public static class MediaPaths
{
    public const string Prefix = "/media/";

    public static string For(string videoResponseId) => Prefix + Uri.EscapeDataString(videoResponseId);

    /// <summary>
    /// True for the URL of a stored upload. A video given by URL is never one: its URL was validated as an absolute
    /// http(s) URL, and no absolute URL starts with a slash.
    /// </summary>
    public static bool IsMediaPath(string url) => url.StartsWith(Prefix, StringComparison.Ordinal);
}
