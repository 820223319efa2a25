using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationRetryTests
{
    public static TheoryData<ApplicationStatus> NotRetryableStatuses =>
        Given.StatusesExcept(ApplicationStatus.DispatchFailed, ApplicationStatus.AnalysisFailed);

    [Fact]
    public void Retry_FromDispatchFailed_MovesToQueuedWithANewAttempt()
    {
        var scenario = Given.Application(ApplicationStatus.DispatchFailed);
        var application = scenario.Application;
        var keyBefore = application.DispatchIdempotencyKey;
        var versionBefore = application.Version;
        var now = scenario.Later();

        var result = application.Retry(now);

        result.ShouldSucceed();
        application.Status.Should().Be(ApplicationStatus.Queued);
        application.AllowRetry.Should().BeFalse();
        application.FailureReason.Should().BeNull();
        application.DispatchAttempt.Should().Be(2);
        application.DispatchIdempotencyKey.Should().NotBe(keyBefore).And.Be($"{application.Id}-2");
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
        application.VideoResponses.Should().AllSatisfy(v => v.Status.Should().Be(VideoStatus.Queued));
        application.VideosAwaitingDispatch(scenario.Interview).Should().HaveCount(2);
    }

    [Fact]
    public void Retry_FromAnalysisFailed_RequeuesOnlyTheFailedVideos()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed, questionCount: 3);
        var application = scenario.Application;
        var keyBefore = application.DispatchIdempotencyKey;
        var done1 = VideoSnapshot.Of(scenario.Video(1));
        var done2 = VideoSnapshot.Of(scenario.Video(2));
        var now = scenario.Later();

        var result = application.Retry(now);

        result.ShouldSucceed();
        application.Status.Should().Be(ApplicationStatus.Queued);
        application.AllowRetry.Should().BeFalse();
        application.FailureReason.Should().BeNull();
        application.OverallScore.Should().BeNull();
        application.DispatchAttempt.Should().Be(2);
        application.DispatchIdempotencyKey.Should().NotBe(keyBefore);
        application.UpdatedAt.Should().Be(now);
        scenario.Video(0).Status.Should().Be(VideoStatus.Queued);
        scenario.Video(0).JobId.Should().BeNull();
        scenario.Video(0).DispatchedAt.Should().BeNull();
        VideoSnapshot.Of(scenario.Video(1)).Should().BeEquivalentTo(done1);
        VideoSnapshot.Of(scenario.Video(2)).Should().BeEquivalentTo(done2);
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).OverallScore.Should().Be(ApplicationScenario.ScoreFor(1));
        application.VideosAwaitingDispatch(scenario.Interview).Should().ContainSingle().Which.Should().BeSameAs(scenario.Video(0));
    }

    [Fact]
    public void Retry_FromAnalysisFailed_KeepsTheResultHistory()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var latest = scenario.Application.LatestAiAnalysisId;

        scenario.Application.Retry(scenario.Later()).ShouldSucceed();

        scenario.Application.AiAnalysisResults.Should().HaveCount(2);
        scenario.Application.LatestAiAnalysisId.Should().NotBeNull().And.Be(latest);
    }

    [Fact]
    public void Retry_FromAnalysisFailedAfterTheFailedVideoWasReplaced_QueuesTheReplacement()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var replacement = scenario.Application
            .AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), _ => "https://videos.example.com/retake.mp4", scenario.Later())
            .Value.Added;
        replacement.Status.Should().Be(VideoStatus.Uploaded);

        var result = scenario.Application.Retry(scenario.Later());

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);
        replacement.Status.Should().Be(VideoStatus.Queued);
        scenario.Application.VideosAwaitingDispatch(scenario.Interview).Should().ContainSingle().Which.Should().BeSameAs(replacement);
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
    }

    [Fact]
    public void Retry_FromAnalysisFailed_ClearsThePollAndAlertOfTheRetriedVideo()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        scenario.Application.RecordPoll(scenario.Video(0).Id, scenario.Later(), ApplicationScenario.Polls).ShouldSucceed();
        scenario.Application.RecordAlert(scenario.Video(0).Id, scenario.Later()).ShouldSucceed();
        scenario.Fail(0).Finish(1).Expect(ApplicationStatus.AnalysisFailed);

        scenario.Application.Retry(scenario.Later()).ShouldSucceed();

        scenario.Video(0).LastPolledAt.Should().BeNull();
        scenario.Video(0).AlertedAt.Should().BeNull();
    }

    [Fact]
    public void Retry_FromAnalysisFailedThenDispatchedAndDone_CompletesWithTheMeanOfEveryVideo()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed).Retry().Dispatch();

        var result = scenario.Application.ApplyAnalysisResult(scenario.DoneReport(0, 70), scenario.Later());

        result.ShouldSucceedWith(ResultApplication.Applied);
        scenario.Application.Status.Should().Be(ApplicationStatus.Completed);
        scenario.Application.OverallScore.Should().Be((70 + ApplicationScenario.ScoreFor(1)) / 2);
        scenario.Application.AllowRetry.Should().BeFalse();
        scenario.Application.FailureReason.Should().BeNull();
    }

    [Fact]
    public void Retry_FromAnalysisFailedThenFailedAgain_AllowsAnotherRetry()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed).Retry().Dispatch().Fail(0);
        scenario.Application.Status.Should().Be(ApplicationStatus.AnalysisFailed);

        var result = scenario.Application.Retry(scenario.Later());

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);
        scenario.Application.DispatchAttempt.Should().Be(3);
    }

    [Theory]
    [MemberData(nameof(NotRetryableStatuses))]
    public void Retry_WhenRetryIsNotAllowed_ReturnsRetryNotAllowed(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);
        var keyBefore = scenario.Application.DispatchIdempotencyKey;

        var result = scenario.Application.Retry(scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.retry_not_allowed");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Application.DispatchIdempotencyKey.Should().Be(keyBefore);
    }

    [Fact]
    public void Retry_Twice_RefusesTheSecond()
    {
        var scenario = Given.Application(ApplicationStatus.DispatchFailed).Retry();

        var result = scenario.Application.Retry(scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.retry_not_allowed");
        scenario.Application.DispatchAttempt.Should().Be(2);
    }
}
