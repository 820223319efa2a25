using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationApplyAnalysisResultTests
{
    [Fact]
    public void ApplyAnalysisResult_DoneForAProcessingVideo_MarksTheVideoDoneAndKeepsTheResult()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var application = scenario.Application;
        var video = scenario.Video(0);
        var versionBefore = application.Version;
        var report = new AnalysisReport(video.JobId!, video.Id, AnalysisOutcome.Done, 83, "ai-6612", null);
        var now = scenario.Later();

        var result = application.ApplyAnalysisResult(report, now);

        result.ShouldSucceedWith(ResultApplication.Applied);
        video.Status.Should().Be(VideoStatus.Done);
        video.OverallScore.Should().Be(83);
        video.AiAnalysisId.Should().Be("ai-6612");
        var stored = application.AiAnalysisResults.Should().ContainSingle().Subject;
        stored.AiAnalysisId.Should().Be("ai-6612");
        stored.VideoResponseId.Should().Be(video.Id);
        stored.JobId.Should().Be(report.JobId);
        stored.Outcome.Should().Be(AnalysisOutcome.Done);
        stored.OverallScore.Should().Be(83);
        stored.Error.Should().BeNull();
        stored.ReceivedAt.Should().Be(now);
        application.LatestAiAnalysisId.Should().Be("ai-6612");
        application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        application.OverallScore.Should().BeNull();
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
    }

    [Theory]
    [InlineData(80, 90, 85)]
    [InlineData(0, 100, 50)]
    [InlineData(70, 71, 70.5)]
    public void ApplyAnalysisResult_WhenEveryVideoIsDone_CompletesWithTheMeanScore(double first, double second, double expectedMean)
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Finish(0, first);
        var lastReport = scenario.DoneReport(1, second);

        var result = scenario.Application.ApplyAnalysisResult(lastReport, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.Completed);
        scenario.Application.OverallScore.Should().Be(expectedMean);
        scenario.Application.AllowRetry.Should().BeFalse();
        scenario.Application.FailureReason.Should().BeNull();
        scenario.Application.LatestAiAnalysisId.Should().Be(lastReport.AiAnalysisId);
        scenario.Application.AiAnalysisResults.Should().HaveCount(2);
    }

    /// <summary>Pins behaviour the contract does not state: the mean is rounded to two decimals.</summary>
    [Fact]
    public void ApplyAnalysisResult_WhenEveryVideoIsDone_RoundsTheMeanToTwoDecimals()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis, questionCount: 3).Finish(0, 80).Finish(1, 85);

        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(2, 91), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);

        scenario.Application.Status.Should().Be(ApplicationStatus.Completed);
        scenario.Application.OverallScore.Should().Be(85.33);
    }

    [Fact]
    public void ApplyAnalysisResult_WhenOnlySomeVideosAreDone_StaysAwaitingWithoutAScore()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis, questionCount: 3).Finish(0);

        var result = scenario.Application.ApplyAnalysisResult(scenario.DoneReport(2), scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Application.OverallScore.Should().BeNull();
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
    }

    [Fact]
    public void ApplyAnalysisResult_FailedWhileAnotherVideoIsProcessing_StaysAwaitingWithoutRetry()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var application = scenario.Application;
        var report = scenario.FailedReport(0);
        var now = scenario.Later();

        var result = application.ApplyAnalysisResult(report, now);

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Video(0).Status.Should().Be(VideoStatus.AnalysisFailed);
        scenario.Video(0).OverallScore.Should().BeNull();
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
        application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        application.AllowRetry.Should().BeFalse();
        application.FailureReason.Should().BeNull();
        application.LatestAiAnalysisId.Should().BeNull();
        var stored = application.AiAnalysisResults.Should().ContainSingle().Subject;
        stored.Outcome.Should().Be(AnalysisOutcome.Failed);
        stored.Error.Should().Be(report.Error);
        stored.JobId.Should().Be(report.JobId);
        stored.ReceivedAt.Should().Be(now);
    }

    [Fact]
    public void ApplyAnalysisResult_WhenEveryVideoIsFinalAndOneFailed_MovesToAnalysisFailed()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Finish(1);
        var now = scenario.Later();

        var result = scenario.Application.ApplyAnalysisResult(scenario.FailedReport(0), now);

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.AnalysisFailed);
        scenario.Application.AllowRetry.Should().BeTrue();
        scenario.Application.FailureReason.Should().NotBeNullOrWhiteSpace()
            .And.Be(FailureReasons.AnalysisFailed(1, 2));
        scenario.Application.OverallScore.Should().BeNull();
        scenario.Application.UpdatedAt.Should().Be(now);
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
    }

    [Fact]
    public void ApplyAnalysisResult_WhenEveryVideoFailed_MovesToAnalysisFailed()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Fail(0);

        var result = scenario.Application.ApplyAnalysisResult(scenario.FailedReport(1), scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.AnalysisFailed);
        scenario.Application.AllowRetry.Should().BeTrue();
        scenario.Application.FailureReason.Should().Be(FailureReasons.AnalysisFailed(2, 2));
    }

    [Fact]
    public void ApplyAnalysisResult_TheSameResultTwice_ReturnsDuplicateAndChangesNothing()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var report = scenario.DoneReport(0, 83);
        scenario.Application.ApplyAnalysisResult(report, scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Duplicate);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void ApplyAnalysisResult_TheLastResultTwice_ReturnsDuplicateAndKeepsTheCompletedApplication()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Finish(0);
        var report = scenario.DoneReport(1);
        scenario.Application.ApplyAnalysisResult(report, scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(report with { OverallScore = 10 }, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Duplicate);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Application.Status.Should().Be(ApplicationStatus.Completed);
    }

    [Fact]
    public void ApplyAnalysisResult_FailedAfterDoneForTheSameJob_ReturnsDuplicate()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Finish(0, 83);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(scenario.FailedReport(0), scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Duplicate);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(0).OverallScore.Should().Be(83);
    }

    [Fact]
    public void ApplyAnalysisResult_DoneAfterFailedForTheSameJob_ReturnsDuplicate()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Fail(0);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0, 83), scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Duplicate);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(0).Status.Should().Be(VideoStatus.AnalysisFailed);
    }

    [Fact]
    public void IsDoneFor_AJobThatFinishedDone_StaysTrueAndItsReportsDuplicatesThroughARetry()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed, questionCount: 3);
        var application = scenario.Application;
        var (doneJob, failedJob) = (scenario.Video(1).JobId!, scenario.Video(0).JobId!);
        application.IsDoneFor(doneJob).Should().BeTrue();
        application.IsDoneFor(failedJob).Should().BeFalse("a retry gives a failed video another job");

        application.Retry(scenario.Later()).ShouldSucceed();

        application.IsDoneFor(doneJob).Should().BeTrue();
        application.ApplyAnalysisResult(scenario.FailedReport(1, doneJob), scenario.Later()).ShouldSucceedWith(ResultApplication.Duplicate);
        application.ApplyAnalysisResult(scenario.DoneReport(0, jobId: failedJob), scenario.Later()).ShouldSucceedWith(ResultApplication.Stale);
    }

    [Fact]
    public void IsDoneFor_AProcessingOrUnknownJob_IsFalse()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);

        scenario.Application.IsDoneFor(scenario.Video(0).JobId!).Should().BeFalse();
        scenario.Application.IsDoneFor("no-such-job").Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("unknown-video")]
    public void ApplyAnalysisResult_UnknownJobAndUnknownVideo_ReturnsJobNotFound(string? videoResponseId)
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var before = ApplicationSnapshot.Of(scenario.Application);
        var report = new AnalysisReport("unknown-job", videoResponseId, AnalysisOutcome.Done, 83, "ai-1", null);

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldFailWith(ErrorKind.NotFound, "application.job_not_found");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void ApplyAnalysisResult_KnownJobWithoutAVideoId_IsAppliedToTheJobsVideo()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var report = scenario.DoneReport(0) with { VideoResponseId = null };

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
    }

    [Fact]
    public void ApplyAnalysisResult_KnownJobWithAnotherVideosId_IsAppliedToTheJobsVideo()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var report = scenario.DoneReport(0) with { VideoResponseId = scenario.Video(1).Id };

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
    }

    [Fact]
    public void ApplyAnalysisResult_ByVideoIdWhileStillQueued_IsAppliedAsACallbackThatBeatTheDispatchSave()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var video = scenario.Video(0);
        var report = new AnalysisReport("bull-early-0", video.Id, AnalysisOutcome.Done, 80, "ai-early-0", null);
        var now = scenario.Later();

        var result = scenario.Application.ApplyAnalysisResult(report, now);

        result.ShouldSucceedWith(ResultApplication.Applied);
        video.Status.Should().Be(VideoStatus.Done);
        video.JobId.Should().Be("bull-early-0");
        video.DispatchedAt.Should().Be(now);
        video.OverallScore.Should().Be(80);
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);
        scenario.Application.LatestAiAnalysisId.Should().Be("ai-early-0");
        scenario.Application.AiAnalysisResults.Should().ContainSingle().Which.JobId.Should().Be("bull-early-0");
        scenario.Video(1).Status.Should().Be(VideoStatus.Queued);
    }

    [Fact]
    public void ApplyAnalysisResult_EveryCallbackBeatTheDispatchSave_RecordDispatchWithTheSameJobsCompletes()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var jobs = scenario.JobsForQueuedVideos();
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0, 80), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(1, 90), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);

        var dispatch = scenario.Application.RecordDispatch(jobs, scenario.Later(), ApplicationScenario.Polls);

        dispatch.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.Completed);
        scenario.Application.OverallScore.Should().Be(85);
        scenario.Application.AllowRetry.Should().BeFalse();
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
    }

    [Fact]
    public void ApplyAnalysisResult_OneCallbackBeatTheDispatchSave_RecordDispatchKeepsItAndAwaitsTheRest()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var jobs = scenario.JobsForQueuedVideos();
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0, 80), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);

        var dispatch = scenario.Application.RecordDispatch(jobs, scenario.Later(), ApplicationScenario.Polls);

        dispatch.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Video(0).Status.Should().Be(VideoStatus.Done);
        scenario.Video(0).OverallScore.Should().Be(80);
        scenario.Video(1).Status.Should().Be(VideoStatus.Processing);
        scenario.Video(1).JobId.Should().Be(scenario.JobId(1));

        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(1, 90), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.Completed);
        scenario.Application.OverallScore.Should().Be(85);
    }

    [Fact]
    public void ApplyAnalysisResult_FailedCallbackBeatTheDispatchSave_RecordDispatchSettlesAsAnalysisFailed()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var jobs = scenario.JobsForQueuedVideos();
        scenario.Application.ApplyAnalysisResult(scenario.FailedReport(0), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(1), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.AllowRetry.Should().BeFalse();

        var dispatch = scenario.Application.RecordDispatch(jobs, scenario.Later(), ApplicationScenario.Polls);

        dispatch.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.AnalysisFailed);
        scenario.Application.AllowRetry.Should().BeTrue();
        scenario.Application.FailureReason.Should().Be(FailureReasons.AnalysisFailed(1, 2));
    }

    [Fact]
    public void ApplyAnalysisResult_CallbackThatBeatTheDispatchSaveDeliveredTwice_ReturnsDuplicate()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var report = scenario.DoneReport(0);
        scenario.Application.ApplyAnalysisResult(report, scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Duplicate);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void ApplyAnalysisResult_AnotherJobForAVideoThatBeatTheDispatchSave_ReturnsStale()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0, jobId: "another-job"), scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Stale);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void ApplyAnalysisResult_JobThatIsNotTheVideosCurrentJob_ReturnsStale()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var before = ApplicationSnapshot.Of(scenario.Application);
        var report = new AnalysisReport("another-job", scenario.Video(0).Id, AnalysisOutcome.Done, 83, "ai-other", null);

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Stale);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(0).Status.Should().Be(VideoStatus.Processing);
    }

    [Theory]
    [InlineData(AnalysisOutcome.Done)]
    [InlineData(AnalysisOutcome.Failed)]
    public void ApplyAnalysisResult_LateResultForTheOldJobAfterRetry_ReturnsStale(AnalysisOutcome outcome)
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var oldReport = scenario.FailedReport(0) with { Outcome = outcome, OverallScore = 99, AiAnalysisId = "ai-late" };
        scenario.Retry();
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(oldReport, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Stale);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(0).Status.Should().Be(VideoStatus.Queued);
        scenario.Video(0).JobId.Should().BeNull();
    }

    [Fact]
    public void ApplyAnalysisResult_LateResultForTheOldJobAfterTheRetryWasDispatched_ReturnsStale()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var oldReport = scenario.DoneReport(0, 99);
        scenario.Retry().Dispatch();
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(oldReport, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Stale);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(0).Status.Should().Be(VideoStatus.Processing);
        scenario.Video(0).JobId.Should().Be(scenario.JobId(0)).And.NotBe(oldReport.JobId);
    }

    [Fact]
    public void ApplyAnalysisResult_LateResultForAReplacedVideo_ReturnsStale()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var oldReport = scenario.DoneReport(0, 99);
        scenario.Answer(0);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.ApplyAnalysisResult(oldReport, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Stale);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft)]
    [InlineData(ApplicationStatus.DispatchFailed)]
    public void ApplyAnalysisResult_ByVideoIdWhenNoJobWasDispatched_ReturnsStale(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);
        var report = new AnalysisReport("bull-early-0", scenario.Video(0).Id, AnalysisOutcome.Done, 80, "ai-early-0", null);

        var result = scenario.Application.ApplyAnalysisResult(report, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Stale);
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void ApplyAnalysisResult_DoneWithoutAnAiAnalysisId_KeepsTheLatestAiAnalysisId()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Finish(0);
        var latest = scenario.Application.LatestAiAnalysisId;

        var result = scenario.Application.ApplyAnalysisResult(scenario.DoneReport(1) with { AiAnalysisId = null }, scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        latest.Should().NotBeNull();
        scenario.Application.LatestAiAnalysisId.Should().Be(latest);
        scenario.Video(1).AiAnalysisId.Should().BeNull();
    }

    [Fact]
    public void ApplyAnalysisResult_FailedAfterAnotherVideoWasDone_KeepsTheLatestAiAnalysisId()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis).Finish(0);
        var latest = scenario.Application.LatestAiAnalysisId;

        scenario.Application.ApplyAnalysisResult(scenario.FailedReport(1), scenario.Later()).ShouldSucceedWith(ResultApplication.Applied);

        latest.Should().Be(scenario.DoneReport(0).AiAnalysisId);
        scenario.Application.LatestAiAnalysisId.Should().Be(latest);
    }
}
