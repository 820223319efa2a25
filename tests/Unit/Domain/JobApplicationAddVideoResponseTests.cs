using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationAddVideoResponseTests
{
    private const string NewUrl = "https://videos.example.com/new.mp4";

    public static TheoryData<ApplicationStatus> NotEditableStatuses =>
        Given.StatusesExcept(ApplicationStatus.Draft, ApplicationStatus.AnalysisFailed);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddVideoResponse_InDraft_AddsAnUploadedVideo(bool isStoredUpload)
    {
        var scenario = ApplicationScenario.Start();
        var application = scenario.Application;
        var versionBefore = application.Version;
        var now = scenario.Later();

        var result = isStoredUpload
            ? application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(1), _ => NewUrl, now)
            : application.AddVideoResponse(scenario.Interview, scenario.QuestionId(1), NewUrl, now);

        result.ShouldSucceed();
        var added = result.Value.Added;
        result.Value.Replaced.Should().BeNull();
        added.Id.Should().NotBeNullOrWhiteSpace();
        added.QuestionId.Should().Be(scenario.QuestionId(1));
        added.Url.Should().Be(NewUrl);
        added.IsStoredUpload.Should().Be(isStoredUpload);
        added.Status.Should().Be(VideoStatus.Uploaded);
        added.JobId.Should().BeNull();
        added.OverallScore.Should().BeNull();
        application.VideoResponses.Should().ContainSingle().Which.Should().BeSameAs(added);
        application.Status.Should().Be(ApplicationStatus.Draft);
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
    }

    [Fact]
    public void AddVideoResponse_InDraftForEveryQuestion_KeepsOneVideoPerQuestion()
    {
        var scenario = ApplicationScenario.Start(3).AnswerAll();

        scenario.Application.VideoResponses.Select(v => v.QuestionId)
            .Should().BeEquivalentTo(scenario.Interview.Questions.Select(q => q.Id));
        scenario.Application.VideoResponses.Select(v => v.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void AddVideoResponse_SecondAnswerToTheSameQuestion_ReplacesTheFirst()
    {
        var scenario = Given.Application(ApplicationStatus.Draft);
        var application = scenario.Application;
        var first = scenario.Video(0);
        var otherVideo = scenario.Video(1);

        var result = application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), _ => NewUrl, scenario.Later());

        result.ShouldSucceed();
        result.Value.Replaced.Should().BeSameAs(first);
        result.Value.Added.Id.Should().NotBe(first.Id);
        application.VideoResponses.Should().HaveCount(2);
        application.VideoResponses.Where(v => v.QuestionId == scenario.QuestionId(0))
            .Should().ContainSingle().Which.Should().BeSameAs(result.Value.Added);
        application.VideoResponses.Should().NotContain(first);
        application.FindVideo(first.Id).Should().BeNull();
        scenario.Video(0).Url.Should().Be(NewUrl);
        scenario.Video(1).Should().BeSameAs(otherVideo);
    }

    [Fact]
    public void AddVideoResponse_QuestionNotInInterview_ReturnsQuestionNotInInterview()
    {
        var scenario = ApplicationScenario.Start();
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.AddVideoResponse(scenario.Interview, "unknown-question", NewUrl, scenario.Later());

        var error = result.ShouldFailWith(ErrorKind.Validation, "application.question_not_in_interview");
        error.Details.Should().ContainKey("field").WhoseValue.Should().Be("questionId");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void AddVideoResponse_WithAnotherInterviewAndItsQuestion_ReturnsQuestionNotInInterview()
    {
        var scenario = ApplicationScenario.Start();
        var otherInterview = ApplicationScenario.NewInterview(1, scenario.Now);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.AddVideoResponse(otherInterview, otherInterview.Questions[0].Id, NewUrl, scenario.Later());

        result.ShouldFailWith(ErrorKind.Validation, "application.question_not_in_interview");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Theory]
    [MemberData(nameof(NotEditableStatuses))]
    public void AddVideoResponse_WhenNotDraftNorAnalysisFailed_ReturnsNotEditable(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), NewUrl, scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.not_editable");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void AddVideoResponse_InAnalysisFailedForTheFailedVideo_ReplacesIt()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var application = scenario.Application;
        var failed = scenario.Video(0);
        var done = scenario.Video(1);
        var versionBefore = application.Version;
        var now = scenario.Later();

        var result = application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), _ => NewUrl, now);

        result.ShouldSucceed();
        result.Value.Replaced.Should().BeSameAs(failed);
        result.Value.Added.Status.Should().Be(VideoStatus.Uploaded);
        result.Value.Added.JobId.Should().BeNull();
        result.Value.Added.Url.Should().Be(NewUrl);
        scenario.Video(0).Should().BeSameAs(result.Value.Added);
        scenario.Video(1).Should().BeSameAs(done);
        done.Status.Should().Be(VideoStatus.Done);
        application.Status.Should().Be(ApplicationStatus.AnalysisFailed);
        application.AllowRetry.Should().BeTrue();
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
    }

    [Fact]
    public void AddVideoResponse_InAnalysisFailedForADoneVideo_ReturnsVideoNotReplaceable()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(1), NewUrl, scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.video_not_replaceable");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
        scenario.Video(1).Status.Should().Be(VideoStatus.Done);
        scenario.Video(1).OverallScore.Should().Be(ApplicationScenario.ScoreFor(1));
    }

    [Fact]
    public void AddVideoResponse_InAnalysisFailedForAQuestionNotInInterview_ReturnsQuestionNotInInterview()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.AddVideoResponse(scenario.Interview, "unknown-question", NewUrl, scenario.Later());

        result.ShouldFailWith(ErrorKind.Validation, "application.question_not_in_interview");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void AddVideoResponse_InAnalysisFailedForAnAlreadyReplacedVideo_ReplacesTheReplacement()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed);
        var application = scenario.Application;
        var firstReplacement = application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), _ => NewUrl, scenario.Later()).Value.Added;

        var result = application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), _ => "https://videos.example.com/newer.mp4", scenario.Later());

        result.ShouldSucceed();
        result.Value.Replaced.Should().BeSameAs(firstReplacement);
        scenario.Video(0).Url.Should().Be("https://videos.example.com/newer.mp4");
        scenario.Video(0).Status.Should().Be(VideoStatus.Uploaded);
    }

    [Fact]
    public void AddStoredVideoResponse_InDraft_NamesTheUrlAfterTheNewVideo()
    {
        var scenario = ApplicationScenario.Start();
        var now = scenario.Later();

        var result = scenario.Application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), id => $"/media/{id}", now);

        result.ShouldSucceed();
        var added = result.Value.Added;
        added.Url.Should().Be($"/media/{added.Id}");
        added.IsStoredUpload.Should().BeTrue();
        added.Status.Should().Be(VideoStatus.Uploaded);
        scenario.Application.UpdatedAt.Should().Be(now);
    }

    [Fact]
    public void AddStoredVideoResponse_SecondAnswer_ReplacesTheFirstAndNamesItself()
    {
        var scenario = Given.Application(ApplicationStatus.Draft);
        var first = scenario.Video(0);

        var result = scenario.Application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), id => $"/media/{id}", scenario.Later());

        result.ShouldSucceed();
        result.Value.Replaced.Should().BeSameAs(first);
        result.Value.Added.Url.Should().Be($"/media/{result.Value.Added.Id}").And.NotContain(first.Id);
    }

    [Theory]
    [MemberData(nameof(NotEditableStatuses))]
    public void AddStoredVideoResponse_WhenNotDraftNorAnalysisFailed_ReturnsNotEditableWithoutNamingAnything(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);
        var named = new List<string>();

        var result = scenario.Application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), id => { named.Add(id); return id; }, scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.not_editable");
        named.Should().BeEmpty();
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Fact]
    public void AddStoredVideoResponse_QuestionNotInInterview_ReturnsQuestionNotInInterview()
    {
        var scenario = ApplicationScenario.Start();

        var result = scenario.Application.AddStoredVideoResponse(scenario.Interview, "unknown-question", id => id, scenario.Later());

        result.ShouldFailWith(ErrorKind.Validation, "application.question_not_in_interview");
        scenario.Application.VideoResponses.Should().BeEmpty();
    }
}
