using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationRecordDispatchTests
{
    public static TheoryData<ApplicationStatus> NotQueuedStatuses => Given.StatusesExcept(ApplicationStatus.Queued);

    [Fact]
    public void RecordDispatch_FromQueuedWithAJobForEveryVideo_MovesToAwaitingAiAnalysis()
    {
        var scenario = Given.Application(ApplicationStatus.Queued, questionCount: 3);
        var application = scenario.Application;
        var versionBefore = application.Version;
        var now = scenario.Later();

        var result = application.RecordDispatch(
            [
                new DispatchedJob(scenario.Video(0).Id, "bull-100"),
                new DispatchedJob(scenario.Video(1).Id, "bull-101"),
                new DispatchedJob(scenario.Video(2).Id, "bull-102"),
            ],
            now, ApplicationScenario.Polls);

        result.ShouldSucceed();
        application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        application.VideoResponses.Should().AllSatisfy(v =>
        {
            v.Status.Should().Be(VideoStatus.Processing);
            v.DispatchedAt.Should().Be(now);
        });
        scenario.Video(0).JobId.Should().Be("bull-100");
        scenario.Video(1).JobId.Should().Be("bull-101");
        scenario.Video(2).JobId.Should().Be("bull-102");
        application.VideosAwaitingDispatch(scenario.Interview).Should().BeEmpty();
        application.AllowRetry.Should().BeFalse();
        application.OverallScore.Should().BeNull();
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
    }

    [Theory]
    [MemberData(nameof(NotQueuedStatuses))]
    public void RecordDispatch_WhenNotQueued_ReturnsNotQueued(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);
        DispatchedJob[] jobs = [.. scenario.Application.VideoResponses.Select(v => new DispatchedJob(v.Id, $"bull-{v.Id}"))];

        var result = scenario.Application.RecordDispatch(jobs, scenario.Later(), ApplicationScenario.Polls);

        result.ShouldFailWith(ErrorKind.Conflict, "application.not_queued");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void RecordDispatch_WithAnUnknownVideoId_ReturnsVideoNotFound()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordDispatch(
            [.. scenario.JobsForQueuedVideos(), new DispatchedJob("unknown-video", "bull-999")],
            scenario.Later(), ApplicationScenario.Polls);

        result.ShouldFailWith(ErrorKind.NotFound, "application.video_not_found");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void RecordDispatch_WhenAQueuedVideoHasNoJob_ReturnsMissingJobIds()
    {
        var scenario = Given.Application(ApplicationStatus.Queued, questionCount: 3);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordDispatch([new DispatchedJob(scenario.Video(1).Id, "bull-101")], scenario.Later(), ApplicationScenario.Polls);

        var error = result.ShouldFailWith(ErrorKind.Rule, "application.missing_job_ids");
        error.Details.Should().ContainKey("videoResponseIds")
            .WhoseValue.Should().BeAssignableTo<IEnumerable<string>>()
            .Which.Should().BeEquivalentTo(new[] { scenario.Video(0).Id, scenario.Video(2).Id });
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(1).Status.Should().Be(VideoStatus.Queued);
    }

    [Fact]
    public void RecordDispatch_WithNoJobsAtAll_ReturnsMissingJobIds()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);

        var result = scenario.Application.RecordDispatch([], scenario.Later(), ApplicationScenario.Polls);

        result.ShouldFailWith(ErrorKind.Rule, "application.missing_job_ids");
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);
    }

    [Fact]
    public void RecordDispatch_ForAVideoAlreadyFinishedByAnotherJob_KeepsTheResultAlreadyReceived()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        var finishedJobId = scenario.Video(0).JobId;

        var result = scenario.Application.RecordDispatch(
            [new DispatchedJob(scenario.Video(0).Id, "another-job"), new DispatchedJob(scenario.Video(1).Id, scenario.JobId(1))],
            scenario.Later(), ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(0).JobId.Should().Be(finishedJobId);
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
    }

    [Fact]
    public void RecordDispatch_ForAnUploadedVideo_ReturnsVideoNotAwaitingDispatch()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        scenario.Application.AddVideoResponse(scenario.Interview, scenario.Video(0).QuestionId, "https://videos.example.com/new.mp4", scenario.Later()).ShouldSucceed();
        scenario.Application.Retry(scenario.Later()).ShouldSucceed();
        var replacement = scenario.Application.VideoResponses.Single(v => v.Status == VideoStatus.Queued);
        var other = scenario.Application.VideoResponses.First(v => v.Id != replacement.Id);
        other.Status.Should().Be(VideoStatus.Done);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordDispatch(
            [new DispatchedJob(replacement.Id, "bull-new"), new DispatchedJob("no-such-video", "bull-x")],
            scenario.Later(), ApplicationScenario.Polls);

        result.ShouldFailWith(ErrorKind.NotFound, "application.video_not_found");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void RecordDispatch_AfterRetryFromAnalysisFailed_SendsOnlyTheFailedVideoAndKeepsTheDoneOne()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed).Retry();
        var doneJobId = scenario.Video(1).JobId;
        var now = scenario.Later();

        var result = scenario.Application.RecordDispatch([new DispatchedJob(scenario.Video(0).Id, "bull-retry-0")], now, ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Video(0).Status.Should().Be(VideoStatus.Processing);
        scenario.Video(0).JobId.Should().Be("bull-retry-0");
        scenario.Video(0).DispatchedAt.Should().Be(now);
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).JobId.Should().Be(doneJobId);
        scenario.Video(1).OverallScore.Should().Be(ApplicationScenario.ScoreFor(1));
        scenario.Video(1).DispatchedAt.Should().NotBe(now);
    }

    [Fact]
    public void RecordDispatch_AfterRetryWithAJobForADoneVideo_KeepsTheDoneVideo()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed).Retry();
        var doneJobId = scenario.Video(1).JobId;

        var result = scenario.Application.RecordDispatch(
            [new DispatchedJob(scenario.Video(0).Id, "bull-retry-0"), new DispatchedJob(scenario.Video(1).Id, "bull-retry-1")],
            scenario.Later(), ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Video(0).JobId.Should().Be("bull-retry-0");
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).JobId.Should().Be(doneJobId);
    }

    [Fact]
    public void RecordDispatch_FromQueuedAfterRetryFromDispatchFailed_MovesToAwaitingAiAnalysis()
    {
        var scenario = Given.Application(ApplicationStatus.DispatchFailed).Retry();

        var result = scenario.Application.RecordDispatch(scenario.JobsForQueuedVideos(), scenario.Later(), ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Video(0).JobId.Should().Be("job-2-0");
        scenario.Video(1).JobId.Should().Be("job-2-1");
    }

    /// <summary>
    /// The first dispatch timed out on our side but the AI backend accepted it after all. Its late callback cannot be
    /// told from one that beat the retry's save, so it is applied; the retry's dispatch then still records, and the
    /// video keeps the result it already has.
    /// </summary>
    [Fact]
    public void RecordDispatch_WhenALateCallbackOfAFailedDispatchFinishedAVideo_KeepsThatResultAndRecords()
    {
        var scenario = Given.Application(ApplicationStatus.DispatchFailed).Retry();
        var lateFirstAttempt = scenario.DoneReport(0, jobId: "job-1-0");
        scenario.Application.ApplyAnalysisResult(lateFirstAttempt, scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);

        var result = scenario.Application.RecordDispatch(
            [new DispatchedJob(scenario.Video(0).Id, "job-2-0"), new DispatchedJob(scenario.Video(1).Id, "job-2-1")],
            scenario.Later(), ApplicationScenario.Polls);

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Video(0).JobId.Should().Be("job-1-0");
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).JobId.Should().Be("job-2-1");
    }
}
