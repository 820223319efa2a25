namespace AppBackend.Application.Common.Media;

/// <summary>
/// The unsigned path a stored video is served at (<c>/media/{videoResponseId}</c>). It is what a stored upload's
/// <c>Url</c> holds; a caller can fetch it only with a signature (contract section 4).
/// </summary>
public static class MediaPaths
{
    public const string Prefix = "/media/";

    public static string For(string videoResponseId) => Prefix + Uri.EscapeDataString(videoResponseId);
}
