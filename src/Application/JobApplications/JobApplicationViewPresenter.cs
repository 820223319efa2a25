using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;

namespace AppBackend.Application.JobApplications;

/// <summary>
/// The one step that turns a stored view into the outgoing one, for every reader of an application (GET, lists, the
/// answers to create, upload, submit and retry, the event stream, the history, the admin tool). A stored or compared
/// view keeps an uploaded video's <c>url</c> as its unsigned media path (<c>/media/{id}</c>); here it becomes a media
/// URL signed now, absolute under <c>PUBLIC_BASE_URL</c> and valid for <c>Media:UrlLifetime</c>, which a browser's
/// <c>&lt;video&gt;</c> or ffmpeg plays at once. A video given by URL keeps the URL that was given. Since signatures
/// exist only on the way out, a renewed signature never changes a stored view, so it can never make an event.
/// </summary>
public sealed class JobApplicationViewPresenter(IMediaUrls mediaUrls)
{
    public JobApplicationView Present(JobApplicationView stored) =>
        stored.VideoResponses.Any(v => MediaPaths.IsMediaPath(v.Url))
            ? stored with { VideoResponses = [.. stored.VideoResponses.Select(Present)] }
            : stored;

    public Page<JobApplicationView> Present(Page<JobApplicationView> stored) =>
        stored with { Items = [.. stored.Items.Select(Present)] };

    public VideoResponseView Present(VideoResponseView stored) =>
        MediaPaths.IsMediaPath(stored.Url) ? stored with { Url = mediaUrls.SignedUrlFor(stored.VideoResponseId) } : stored;

    public VideoResponseCreatedView Present(VideoResponseCreatedView stored) =>
        MediaPaths.IsMediaPath(stored.Url) ? stored with { Url = mediaUrls.SignedUrlFor(stored.VideoResponseId) } : stored;
}
