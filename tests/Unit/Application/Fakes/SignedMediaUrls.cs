using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>A recognisable URL per video, so a test can tell that the payload's URL came from <see cref="IMediaUrls"/>.</summary>
internal sealed class SignedMediaUrls : IMediaUrls
{
    public static string For(VideoResponse video) => $"https://media.example.com/signed/{video.Id}?sig=test";

    public string UrlForAnalysis(VideoResponse video) => For(video);

    public string SignedUrlFor(string videoResponseId) => $"https://media.example.com/signed/{videoResponseId}?sig=test";
}
