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

    /// <summary>The URL the frontend plays a video back from (the answer to an upload).</summary>
    string UrlForPlayback(VideoResponse video);
}
