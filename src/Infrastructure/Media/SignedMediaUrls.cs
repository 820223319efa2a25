using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Infrastructure.Media;

/// <summary>
/// A video given by URL is fetched from that URL as it is; a stored upload from a media URL signed afresh on every
/// call, valid for <c>Media:UrlLifetime</c> (so every dispatch, retries included, sends a URL that still works).
/// Readers of the views get the same kind of URL for an upload, so they can play the video back at once.
/// </summary>
internal sealed class SignedMediaUrls(MediaUrlSigner signer) : IMediaUrls
{
    public string UrlForAnalysis(VideoResponse video) => video.IsStoredUpload ? signer.SignedUrl(video.Id) : video.Url;

    public string SignedUrlFor(string videoResponseId) => signer.SignedUrl(videoResponseId);
}
