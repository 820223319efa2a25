using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Application.Fakes;

internal sealed class FakeMediaUrls : IMediaUrls
{
    public string UrlForAnalysis(VideoResponse video) => video.IsStoredUpload ? $"signed-for-analysis:{video.Id}" : video.Url;

    public string SignedUrlFor(string videoResponseId) => $"signed:{videoResponseId}";
}
