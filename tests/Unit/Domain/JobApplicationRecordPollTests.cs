using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationRecordPollTests
{
    [Fact]
    public void RecordPoll_ForAProcessingVideo_SetsLastPolledAt()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var versionBefore = scenario.Application.Version;
        var now = scenario.Later();

        var result = scenario.Application.RecordPoll(scenario.Video(0).Id, now, ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Video(0).LastPolledAt.Should().Be(now);
        scenario.Video(1).LastPolledAt.Should().BeNull();
        scenario.Video(0).Status.Should().Be(VideoStatus.Processing);
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Application.Version.Should().BeGreaterThan(versionBefore);
        scenario.Application.UpdatedAt.Should().Be(now);
    }

    [Fact]
    public void RecordPoll_Again_MovesLastPolledAtOn()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Application.RecordPoll(scenario.Video(0).Id, scenario.Later(), ApplicationScenario.Polls).ShouldSucceed();
        var now = scenario.Later();

        var result = scenario.Application.RecordPoll(scenario.Video(0).Id, now, ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Video(0).LastPolledAt.Should().Be(now);
    }

    [Fact]
    public void RecordPoll_ForAnUnknownVideo_ReturnsVideoNotFound()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordPoll("unknown-video", scenario.Later(), ApplicationScenario.Polls);

        result.ShouldFailWith(ErrorKind.NotFound, "application.video_not_found");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }
}
