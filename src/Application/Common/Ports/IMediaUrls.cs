using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Where a video can be fetched from: a video given by URL at that URL, a video AppBackend stores itself at a
/// freshly signed, expiring media URL (<c>GET /media/{videoResponseId}?exp=…&amp;sig=…</c> under <c>PUBLIC_BASE_URL</c>).
/// </summary>
public interface IMediaUrls
{
    /// <summary>The URL the AI backend fetches a video from.</summary>
    string UrlForAnalysis(VideoResponse video);

    /// <summary>
    /// A media URL of the stored upload <paramref name="videoResponseId"/>, signed now and valid for
    /// <c>Media:UrlLifetime</c>, that a reader plays back at once (see <c>JobApplicationViewPresenter</c>).
    /// </summary>
    string SignedUrlFor(string videoResponseId);
}
