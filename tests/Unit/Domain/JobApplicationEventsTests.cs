using AppBackend.Domain.JobApplications;
using AppBackend.Domain.JobApplications.Events;

namespace AppBackend.UnitTests.Domain;

/// <summary>Every transition raises exactly one event, stamped with the application, the version it led to and its time.</summary>
public class JobApplicationEventsTests
{
    [Fact]
    public void Create_RaisesApplicationCreatedAtVersionOne()
    {
        var scenario = ApplicationScenario.Start();

        var created = scenario.Application.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<ApplicationCreated>().Subject;
        created.ApplicationId.Should().Be(scenario.Application.Id);
        created.Version.Should().Be(1);
        created.At.Should().Be(scenario.Application.CreatedAt);
        created.InterviewId.Should().Be(scenario.Interview.Id);
    }

    [Fact]
    public void WholeRun_RaisesOneEventPerTransition_WithVersionsGrowingByOne()
    {
        var scenario = ApplicationScenario.Start(2).AnswerAll().Answer(0).Submit().Dispatch().Finish(0).Finish(1).Expect(ApplicationStatus.Completed);

        var events = scenario.Application.DomainEvents.Cast<JobApplicationEvent>().ToList();

        events.Select(e => e.GetType()).Should().Equal(
            typeof(ApplicationCreated),
            typeof(VideoResponseAdded),
            typeof(VideoResponseAdded),
            typeof(VideoResponseAdded),
            typeof(ApplicationSubmitted),
            typeof(DispatchAccepted),
            typeof(AnalysisResultApplied),
            typeof(AnalysisResultApplied));
        events.Select(e => e.Version).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        events[^1].Version.Should().Be(scenario.Application.Version);
        events.Should().OnlyContain(e => e.ApplicationId == scenario.Application.Id);
        events.Select(e => e.At).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        events[^1].At.Should().Be(scenario.Application.UpdatedAt);
    }

    [Fact]
    public void AddVideoResponse_AgainForTheSameQuestion_NamesTheReplacedVideo()
    {
        var scenario = ApplicationScenario.Start(1).Answer(0);
        var first = scenario.Video(0).Id;
        scenario.Application.ClearDomainEvents();

        scenario.Answer(0, isStoredUpload: true);

        var added = scenario.Application.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<VideoResponseAdded>().Subject;
        added.VideoResponseId.Should().Be(scenario.Video(0).Id);
        added.QuestionId.Should().Be(scenario.QuestionId(0));
        added.IsStoredUpload.Should().BeTrue();
        added.ReplacedVideoResponseId.Should().Be(first);
    }

    [Fact]
    public void RecordDispatch_RaisesDispatchAcceptedWithTheJobs()
    {
        var scenario = ApplicationScenario.Start(2).AnswerAll().Submit();
        var jobs = scenario.JobsForQueuedVideos();
        scenario.Application.ClearDomainEvents();

        scenario.Dispatch();

        var accepted = scenario.Application.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<DispatchAccepted>().Subject;
        accepted.Jobs.Should().Equal(jobs);
        accepted.DispatchAttempt.Should().Be(1);
    }

    [Fact]
    public void RecordDispatchFailure_RaisesDispatchFailedWithReasonAndAnswer()
    {
        var scenario = ApplicationScenario.Start(1).AnswerAll().Submit();
        scenario.Application.ClearDomainEvents();

        scenario.Application.RecordDispatchFailure(FailureReasons.ApiVersionMismatch, scenario.Later(), "version_mismatch:409").IsSuccess.Should().BeTrue();

        var failed = scenario.Application.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<DispatchFailed>().Subject;
        failed.Reason.Should().Be(FailureReasons.ApiVersionMismatch);
        failed.Answer.Should().Be("version_mismatch:409");
        failed.Version.Should().Be(scenario.Application.Version);
    }

    [Fact]
    public void ApplyAnalysisResult_Failed_RaisesTheResultWithItsError_AndRetryNamesTheVideosSentAgain()
    {
        var scenario = ApplicationScenario.Start(2).AnswerAll().Submit().Dispatch().Finish(0);
        var failedJob = scenario.Video(1).JobId;
        scenario.Application.ClearDomainEvents();

        scenario.Fail(1).Expect(ApplicationStatus.AnalysisFailed).Retry();

        var events = scenario.Application.DomainEvents.Cast<JobApplicationEvent>().ToList();
        var result = events[0].Should().BeOfType<AnalysisResultApplied>().Subject;
        result.JobId.Should().Be(failedJob);
        result.VideoResponseId.Should().Be(scenario.Video(1).Id);
        result.Outcome.Should().Be(AnalysisOutcome.Failed);
        result.Error.Should().Be("video could not be decoded");
        var retry = events[1].Should().BeOfType<RetryRequested>().Subject;
        retry.VideoResponseIds.Should().Equal(scenario.Video(1).Id);
        retry.DispatchAttempt.Should().Be(2);
        events.Should().HaveCount(2);
    }

    [Fact]
    public void RefusedTransition_RaisesNothing()
    {
        var scenario = ApplicationScenario.Start(2).Answer(0);
        scenario.Application.ClearDomainEvents();
        var version = scenario.Application.Version;

        scenario.Application.Submit(scenario.Interview, scenario.Later()).IsFailure.Should().BeTrue();
        scenario.Application.Retry(scenario.Later()).IsFailure.Should().BeTrue();

        scenario.Application.DomainEvents.Should().BeEmpty();
        scenario.Application.Version.Should().Be(version);
    }

    [Fact]
    public void DuplicateResult_RaisesNothing()
    {
        var scenario = ApplicationScenario.Start(2).AnswerAll().Submit().Dispatch().Finish(0);
        var again = scenario.DoneReport(0);
        scenario.Application.ClearDomainEvents();

        scenario.Application.ApplyAnalysisResult(again, scenario.Later()).Value.Should().Be(ResultApplication.Duplicate);

        scenario.Application.DomainEvents.Should().BeEmpty();
    }

    [Fact]
    public void RecordPollAndRecordAlert_RaiseTheirEventsWithTheJob()
    {
        var scenario = ApplicationScenario.Start(1).AnswerAll().Submit().Dispatch();
        var video = scenario.Video(0);
        scenario.Application.ClearDomainEvents();

        scenario.Application.RecordPoll(video.Id, scenario.Later(), ApplicationScenario.Polls).IsSuccess.Should().BeTrue();
        scenario.Application.RecordAlert(video.Id, scenario.Later()).IsSuccess.Should().BeTrue();

        scenario.Application.DomainEvents.Should().SatisfyRespectively(
            polled => polled.Should().BeOfType<JobPolled>().Which.JobId.Should().Be(video.JobId),
            alerted => alerted.Should().BeOfType<StuckJobAlerted>().Which.JobId.Should().Be(video.JobId));
    }
}
