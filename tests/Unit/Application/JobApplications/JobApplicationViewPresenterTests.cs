using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Paging;
using AppBackend.Application.JobApplications;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;

namespace AppBackend.UnitTests.Application.JobApplications;

public sealed class JobApplicationViewPresenterTests
{
    private readonly JobApplicationViewPresenter _presenter = new(new FakeMediaUrls());

    [Fact]
    public void Present_AnApplicationWithAnUploadAndAUrlVideo_SignsOnlyTheUpload()
    {
        var scenario = Uploaded(ApplicationScenario.Start(), 0).Answer(1, isStoredUpload: false);
        var stored = Mappings.Mapper().Map<JobApplicationView>(scenario.Application);
        var upload = stored.VideoResponses.Single(v => v.QuestionId == scenario.QuestionId(0));
        var external = stored.VideoResponses.Single(v => v.QuestionId == scenario.QuestionId(1));
        upload.Url.Should().Be($"/media/{upload.VideoResponseId}", "the stored view keeps the unsigned media path");

        var presented = _presenter.Present(stored);

        presented.VideoResponses.Single(v => v.QuestionId == scenario.QuestionId(0)).Url.Should().Be($"signed:{upload.VideoResponseId}");
        presented.VideoResponses.Single(v => v.QuestionId == scenario.QuestionId(1)).Url.Should().Be(external.Url);
        presented.VideoResponses.Select(v => v.VideoResponseId).Should().Equal(stored.VideoResponses.Select(v => v.VideoResponseId), "only URLs change");
        stored.VideoResponses.Single(v => v.QuestionId == scenario.QuestionId(0)).Url.Should().Be($"/media/{upload.VideoResponseId}", "the stored view is left as it was");
    }

    [Fact]
    public void Present_AnApplicationWithoutUploads_ReturnsItAsItIs()
    {
        var scenario = ApplicationScenario.Start().Answer(0, isStoredUpload: false);
        var stored = Mappings.Mapper().Map<JobApplicationView>(scenario.Application);

        _presenter.Present(stored).Should().BeSameAs(stored);
    }

    [Fact]
    public void Present_APage_PresentsEveryItemAndKeepsTheCursor()
    {
        var first = Mappings.Mapper().Map<JobApplicationView>(Uploaded(ApplicationScenario.Start(), 0).Application);
        var second = Mappings.Mapper().Map<JobApplicationView>(Uploaded(ApplicationScenario.Start(), 1).Application);

        var presented = _presenter.Present(new Page<JobApplicationView>([first, second], "next"));

        presented.NextCursor.Should().Be("next");
        presented.Items.SelectMany(a => a.VideoResponses).Select(v => v.Url)
            .Should().Equal($"signed:{first.VideoResponses[0].VideoResponseId}", $"signed:{second.VideoResponses[0].VideoResponseId}");
    }

    [Fact]
    public void Present_TheAnswerToAnUpload_SignsItsUrl()
    {
        var scenario = Uploaded(ApplicationScenario.Start(), 0);
        var video = scenario.Application.VideoResponses[0];

        var presented = _presenter.Present(Mappings.Mapper().Map<VideoResponseCreatedView>(video));

        presented.Url.Should().Be($"signed:{video.Id}");
    }

    [Fact]
    public void Present_AUrlThatOnlyContainsTheMediaPrefix_IsLeftAlone()
    {
        var external = new VideoResponseView("v1", "q1", "https://cdn.example.com/media/v1.mp4", StatusNames.Of(VideoStatus.Uploaded), null, null, null, 1);

        _presenter.Present(external).Url.Should().Be("https://cdn.example.com/media/v1.mp4");
    }

    /// <summary>Answers question <paramref name="index"/> with an upload, as the upload handler does: its URL is the media path.</summary>
    private static ApplicationScenario Uploaded(ApplicationScenario scenario, int index)
    {
        scenario.Application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(index), MediaPaths.For, scenario.Later()).IsSuccess.Should().BeTrue();
        return scenario;
    }
}
