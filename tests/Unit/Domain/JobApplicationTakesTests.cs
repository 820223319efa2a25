using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

/// <summary>Takes per answer (contract section 1): counted while draft, capped by the question's maxTakes; a re-recording after a failed analysis is not one.</summary>
public class JobApplicationTakesTests
{
    private const string Url = "https://videos.example.com/take.mp4";

    [Fact]
    public void AddVideoResponse_TheFirstAnswer_IsTakeOne()
    {
        var scenario = ApplicationScenario.Start(maxTakes: 1);

        var result = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), Url, false, scenario.Later());

        result.ShouldSucceed();
        result.Value.Added.Takes.Should().Be(1);
    }

    [Fact]
    public void AddVideoResponse_EachReplacementWhileDraft_CountsOneTakeMore()
    {
        var scenario = ApplicationScenario.Start(maxTakes: 3).Answer(0);

        var second = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), Url, false, scenario.Later());
        var third = scenario.Application.AddStoredVideoResponse(scenario.Interview, scenario.QuestionId(0), id => $"/media/{id}", scenario.Later());

        second.ShouldSucceed();
        second.Value.Added.Takes.Should().Be(2);
        third.ShouldSucceed();
        third.Value.Added.Takes.Should().Be(3, "an upload and a URL are takes alike");
        scenario.Video(0).Takes.Should().Be(3);
    }

    [Fact]
    public void AddVideoResponse_PastMaxTakes_IsRefusedAndKeepsTheLastTake()
    {
        var scenario = ApplicationScenario.Start(maxTakes: 2).Answer(0).Answer(0);
        var kept = scenario.Video(0);
        var versionBefore = scenario.Application.Version;

        var result = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), Url, false, scenario.Later());

        var error = result.ShouldFailWith(ErrorKind.Conflict, "application.takes_exhausted");
        error.Details["questionId"].Should().Be(scenario.QuestionId(0));
        error.Details["maxTakes"].Should().Be(2);
        scenario.Video(0).Should().BeSameAs(kept);
        kept.Takes.Should().Be(2);
        scenario.Application.Version.Should().Be(versionBefore, "a refusal changes nothing");
    }

    [Fact]
    public void AddVideoResponse_PastMaxTakesOfOneQuestion_LeavesTheOtherQuestionsFree()
    {
        var scenario = ApplicationScenario.Start(maxTakes: 1).Answer(0);

        var other = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(1), Url, false, scenario.Later());

        other.ShouldSucceed();
        other.Value.Added.Takes.Should().Be(1);
    }

    [Fact]
    public void AddVideoResponse_WithoutMaxTakes_NeverRunsOut()
    {
        var scenario = ApplicationScenario.Start();
        for (var i = 0; i < 25; i++)
        {
            scenario.Answer(0);
        }

        scenario.Video(0).Takes.Should().Be(25);
    }

    [Fact]
    public void AddVideoResponse_ReRecordingAFailedVideo_IsNoTakeEvenWhenTakesAreExhausted()
    {
        var scenario = Failed(maxTakes: 1);
        scenario.Video(0).Takes.Should().Be(1);

        var rerecorded = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), Url, false, scenario.Later());
        var again = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), Url + "?again", false, scenario.Later());

        rerecorded.ShouldSucceed();
        rerecorded.Value.Added.Takes.Should().Be(1, "the failed analysis was not the candidate's doing");
        again.ShouldSucceed();
        again.Value.Added.Takes.Should().Be(1, "replacing the replacement before the retry is the same re-recording");
    }

    [Fact]
    public void AddVideoResponse_AfterARetryFailedAgain_StillKeepsTheDraftsTakes()
    {
        var scenario = Failed(maxTakes: 2, takesOfVideo0: 2);
        scenario.Answer(0).Retry().Dispatch().Fail(0).Expect(ApplicationStatus.AnalysisFailed);

        var result = scenario.Application.AddVideoResponse(scenario.Interview, scenario.QuestionId(0), Url, false, scenario.Later());

        result.ShouldSucceed();
        result.Value.Added.Takes.Should().Be(2);
    }

    [Fact]
    public void Submit_And_Dispatch_KeepEachVideosTakes()
    {
        var scenario = ApplicationScenario.Start(maxTakes: 3).Answer(0).Answer(0).Answer(1);

        scenario.Submit().Dispatch().FinishAll().Expect(ApplicationStatus.Completed);

        scenario.Video(0).Takes.Should().Be(2);
        scenario.Video(1).Takes.Should().Be(1);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    [InlineData(null, -1)]
    public void InterviewCreate_WithNoTakesOrANegativeThinkTime_Throws(int? maxTakes, int? thinkingSeconds)
    {
        var create = () => Interview.Create("acme", "Backend Engineer", [new QuestionDraft("Q", 60, "{}", thinkingSeconds, maxTakes)], ApplicationScenario.StartTime);

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("questions");
    }

    [Fact]
    public void InterviewCreate_KeepsThinkTimeAndMaxTakesPerQuestion()
    {
        var interview = Interview.Create(
            "acme",
            "Backend Engineer",
            [new QuestionDraft("Q1", 60, "{}", ThinkingSeconds: 30, MaxTakes: 3), new QuestionDraft("Q2", 60, "{}", ThinkingSeconds: 0), new QuestionDraft("Q3", 60, "{}")],
            ApplicationScenario.StartTime);

        interview.Questions.Select(q => (q.ThinkingSeconds, q.MaxTakes)).Should().Equal((30, 3), (0, null), (null, null));
    }

    /// <summary>
    /// analysis_failed with video 0 failed (recorded <paramref name="takesOfVideo0"/> times while draft) and video 1 done.
    /// </summary>
    private static ApplicationScenario Failed(int maxTakes, int takesOfVideo0 = 1)
    {
        var scenario = ApplicationScenario.Start(maxTakes: maxTakes);
        for (var i = 0; i < takesOfVideo0; i++)
        {
            scenario.Answer(0);
        }

        return scenario.Answer(1).Submit().Dispatch().Fail(0).Finish(1).Expect(ApplicationStatus.AnalysisFailed);
    }
}
