using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>The URL the AI backend fetches a video from: an external URL as given, an upload as a signed media URL.</summary>
public interface IMediaUrls
{
    string UrlForAnalysis(VideoResponse video);
}
