using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationSubmitTests
{
    public static TheoryData<ApplicationStatus> NotDraftStatuses => Given.StatusesExcept(ApplicationStatus.Draft);

    [Fact]
    public void Submit_FromDraftWithEveryVideo_MovesToQueued()
    {
        var scenario = Given.Application(ApplicationStatus.Draft, questionCount: 3);
        var application = scenario.Application;
        var versionBefore = application.Version;
        var keyBefore = application.DispatchIdempotencyKey;
        var now = scenario.Later();

        var result = application.Submit(scenario.Interview, now);

        result.ShouldSucceed();
        application.Status.Should().Be(ApplicationStatus.Queued);
        application.VideoResponses.Should().HaveCount(3)
            .And.AllSatisfy(v =>
            {
                v.Status.Should().Be(VideoStatus.Queued);
                v.JobId.Should().BeNull();
            });
        application.DispatchAttempt.Should().Be(1);
        application.DispatchIdempotencyKey.Should().Be($"{application.Id}-1").And.NotBe(keyBefore);
        application.AllowRetry.Should().BeFalse();
        application.FailureReason.Should().BeNull();
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
        application.CreatedAt.Should().BeBefore(now);
    }

    [Fact]
    public void Submit_FromDraft_QueuesTheVideosForDispatchInQuestionOrder()
    {
        var scenario = ApplicationScenario.Start(3).Answer(2).Answer(0).Answer(1);

        scenario.Submit();

        scenario.Application.VideosAwaitingDispatch(scenario.Interview).Select(v => v.QuestionId)
            .Should().Equal(scenario.QuestionId(0), scenario.QuestionId(1), scenario.QuestionId(2));
    }

    [Fact]
    public void Submit_WhenAQuestionHasNoVideo_ReturnsMissingVideos()
    {
        var scenario = ApplicationScenario.Start(3).Answer(1);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.Submit(scenario.Interview, scenario.Later());

        var error = result.ShouldFailWith(ErrorKind.Rule, "application.missing_videos");
        error.Details.Should().ContainKey("missingQuestionIds")
            .WhoseValue.Should().BeAssignableTo<IEnumerable<string>>()
            .Which.Should().Equal(scenario.QuestionId(0), scenario.QuestionId(2));
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(1).Status.Should().Be(VideoStatus.Uploaded);
    }

    [Fact]
    public void Submit_WithoutAnyVideo_ListsEveryQuestionAsMissing()
    {
        var scenario = ApplicationScenario.Start(2);

        var result = scenario.Application.Submit(scenario.Interview, scenario.Later());

        result.ShouldFailWith(ErrorKind.Rule, "application.missing_videos")
            .Details["missingQuestionIds"].Should().BeAssignableTo<IEnumerable<string>>()
            .Which.Should().Equal(scenario.QuestionId(0), scenario.QuestionId(1));
        scenario.Application.Status.Should().Be(ApplicationStatus.Draft);
        scenario.Application.DispatchAttempt.Should().Be(0);
    }

    [Fact]
    public void Submit_AfterMissingVideosAreAdded_MovesToQueued()
    {
        var scenario = ApplicationScenario.Start(2).Answer(0);
        scenario.Application.Submit(scenario.Interview, scenario.Later()).IsFailure.Should().BeTrue();
        scenario.Answer(1);

        var result = scenario.Application.Submit(scenario.Interview, scenario.Later());

        result.ShouldSucceed();
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);
        scenario.Application.DispatchAttempt.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(NotDraftStatuses))]
    public void Submit_WhenNotDraft_ReturnsNotDraft(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.Submit(scenario.Interview, scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.not_draft");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }
}
