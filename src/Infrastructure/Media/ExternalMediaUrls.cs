using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Infrastructure.Media;

/// <summary>A video given by URL is sent to the AI backend as it is.</summary>
internal sealed class ExternalMediaUrls : IMediaUrls
{
    public string UrlForAnalysis(VideoResponse video) => video.Url;
}
