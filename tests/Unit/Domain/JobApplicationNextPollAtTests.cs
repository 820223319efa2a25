using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

/// <summary>
/// <see cref="VideoResponse.NextPollAt"/>: set while a video is processing (first from its dispatch, then from each
/// poll, by <see cref="PollSchedule"/>) and null in every other status, so the poller's selection is exactly the due jobs.
/// </summary>
public class JobApplicationNextPollAtTests
{
    private static readonly PollSchedule Polls = ApplicationScenario.Polls;

    [Fact]
    public void RecordDispatch_SchedulesTheFirstPollOfEverySentVideoAfterTheFirstSilence()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var now = scenario.Later();

        scenario.Application.RecordDispatch(scenario.JobsForQueuedVideos(), now, Polls).ShouldSucceed();

        scenario.Application.VideoResponses.Should().AllSatisfy(v => v.NextPollAt.Should().Be(now + Polls.FirstAfter));
        scenario.Video(0).IsPollDue(now + Polls.FirstAfter - TimeSpan.FromTicks(1)).Should().BeFalse();
        scenario.Video(0).IsPollDue(now + Polls.FirstAfter).Should().BeTrue();
    }

    [Fact]
    public void RecordPoll_MovesTheNextPollOneIntervalOn()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var now = scenario.Later();

        scenario.Application.RecordPoll(scenario.Video(0).Id, now, Polls).ShouldSucceed();

        scenario.Video(0).NextPollAt.Should().Be(now + Polls.Interval);
        scenario.Video(0).IsPollDue(now).Should().BeFalse();
        scenario.Video(1).NextPollAt.Should().Be(scenario.Video(1).DispatchedAt + Polls.FirstAfter, "only the polled video moves on");
    }

    [Fact]
    public void RecordPoll_BeforeTheFirstPollWasDue_KeepsTheFirstSilenceAfterDispatch()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var patient = new PollSchedule(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
        var dispatchedAt = scenario.Later();
        scenario.Application.RecordDispatch(scenario.JobsForQueuedVideos(), dispatchedAt, patient).ShouldSucceed();

        scenario.Application.RecordPoll(scenario.Video(0).Id, scenario.Later(), patient).ShouldSucceed();

        scenario.Video(0).NextPollAt.Should().Be(dispatchedAt + TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void ApplyAnalysisResult_DoneOrFailed_ClearsTheNextPoll()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis, questionCount: 3);

        scenario.Finish(0).Fail(1);

        scenario.Video(0).NextPollAt.Should().BeNull();
        scenario.Video(1).NextPollAt.Should().BeNull();
        scenario.Video(2).NextPollAt.Should().NotBeNull("it is still processing");
        scenario.Video(0).IsPollDue(DateTimeOffset.MaxValue).Should().BeFalse();
    }

    [Fact]
    public void RecordDispatch_AfterTheCallbackBeatTheSave_LeavesTheFinishedVideoUnscheduled()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var jobs = scenario.JobsForQueuedVideos();
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        var now = scenario.Later();

        scenario.Application.RecordDispatch(jobs, now, Polls).ShouldSucceed();

        scenario.Video(0).NextPollAt.Should().BeNull();
        scenario.Video(1).NextPollAt.Should().Be(now + Polls.FirstAfter);
    }

    [Fact]
    public void RecordPoll_OfAFinishedVideo_DoesNotScheduleIt()
    {
        var scenario = Given.Application(ApplicationStatus.Completed);

        scenario.Application.RecordPoll(scenario.Video(0).Id, scenario.Later(), Polls).ShouldSucceed();

        scenario.Video(0).NextPollAt.Should().BeNull();
    }

    [Fact]
    public void Retry_ClearsTheNextPollUntilTheVideoIsDispatchedAgain()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed).Retry();

        scenario.Application.VideoResponses.Should().AllSatisfy(v => v.NextPollAt.Should().BeNull());

        scenario.Dispatch();
        scenario.Video(0).NextPollAt.Should().Be(scenario.Now + Polls.FirstAfter);
        scenario.Video(1).NextPollAt.Should().BeNull("the done video was not sent again");
    }

    [Fact]
    public void RecordDispatchFailure_LeavesEveryVideoUnscheduled()
    {
        var scenario = Given.Application(ApplicationStatus.DispatchFailed);

        scenario.Application.VideoResponses.Should().AllSatisfy(v => v.NextPollAt.Should().BeNull());
    }
}
