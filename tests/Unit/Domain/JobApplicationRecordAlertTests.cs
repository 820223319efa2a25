using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationRecordAlertTests
{
    [Fact]
    public void RecordAlert_First_SetsAlertedAt()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var versionBefore = scenario.Application.Version;
        var now = scenario.Later();

        var result = scenario.Application.RecordAlert(scenario.Video(1).Id, now);

        result.ShouldSucceed();
        scenario.Video(1).AlertedAt.Should().Be(now);
        scenario.Video(0).AlertedAt.Should().BeNull();
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Application.Version.Should().BeGreaterThan(versionBefore);
        scenario.Application.UpdatedAt.Should().Be(now);
    }

    [Fact]
    public void RecordAlert_Second_ReturnsAlreadyAlerted()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var firstAlert = scenario.Later();
        scenario.Application.RecordAlert(scenario.Video(0).Id, firstAlert).ShouldSucceed();
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordAlert(scenario.Video(0).Id, scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.already_alerted");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(0).AlertedAt.Should().Be(firstAlert);
    }

    [Fact]
    public void RecordAlert_ForAnUnknownVideo_ReturnsVideoNotFound()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordAlert("unknown-video", scenario.Later());

        result.ShouldFailWith(ErrorKind.NotFound, "application.video_not_found");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void RecordAlert_ForTheNewJobAfterARetry_IsAllowedAgain()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Application.RecordAlert(scenario.Video(0).Id, scenario.Later()).ShouldSucceed();
        scenario.Fail(0).Finish(1).Retry().Dispatch();
        var now = scenario.Later();

        var result = scenario.Application.RecordAlert(scenario.Video(0).Id, now);

        result.ShouldSucceed();
        scenario.Video(0).AlertedAt.Should().Be(now);
    }
}
