using AppBackend.Application.Common.Events;
using AppBackend.Domain.JobApplications;
using AppBackend.Domain.JobApplications.Events;

namespace AppBackend.UnitTests.Application.Common.Events;

/// <summary>Each domain event becomes one history type of the closed set, with the details an operator needs.</summary>
public class ApplicationEventDescriptionTests
{
    public static TheoryData<JobApplicationEvent, string> Events => new()
    {
        { new ApplicationCreated("interview-1"), ApplicationEventTypes.Created },
        { new VideoResponseAdded("video-1", "question-1", false, null), ApplicationEventTypes.VideoAdded },
        { new VideoResponseAdded("video-2", "question-1", true, "video-1"), ApplicationEventTypes.VideoReplaced },
        { new ApplicationSubmitted(1, 2), ApplicationEventTypes.Submitted },
        { new DispatchAccepted(1, [new DispatchedJob("video-1", "job-1")]), ApplicationEventTypes.DispatchAccepted },
        { new DispatchFailed(1, "analysis could not be started", "refused:400"), ApplicationEventTypes.DispatchFailed },
        { new AnalysisResultApplied("job-1", "video-1", AnalysisOutcome.Done, 83, "ai-1", null), ApplicationEventTypes.ResultApplied },
        { new RetryRequested(2, ["video-1"]), ApplicationEventTypes.RetryRequested },
        { new JobPolled("job-1", "video-1"), ApplicationEventTypes.JobPolled },
        { new StuckJobAlerted("job-1", "video-1"), ApplicationEventTypes.StuckJobAlerted },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Of_EachDomainEvent_IsOneTypeOfTheClosedSet(JobApplicationEvent change, string type)
    {
        var description = ApplicationEventDescription.Of(change);

        description.Type.Should().Be(type);
        ApplicationEventTypes.All.Should().Contain(type);
    }

    [Fact]
    public void All_HasEveryTypeOnce_AndEveryTypeHasAnEvent()
    {
        ApplicationEventTypes.All.Should().OnlyHaveUniqueItems();
        Events.Select(row => (string)row[1]).Distinct().Should().BeEquivalentTo(ApplicationEventTypes.All);
    }

    [Fact]
    public void Of_AResult_CarriesTheJobTheAnswerAndTheScore()
    {
        var details = ApplicationEventDescription.Of(new AnalysisResultApplied("job-1", "video-1", AnalysisOutcome.Failed, null, null, "no face")).Details;

        details["jobId"]!.GetValue<string>().Should().Be("job-1");
        details["videoResponseId"]!.GetValue<string>().Should().Be("video-1");
        details["answer"]!.GetValue<string>().Should().Be("failed");
        details["error"]!.GetValue<string>().Should().Be("no face");
        details["overallScore"].Should().BeNull();
    }

    [Fact]
    public void Of_ADispatchFailure_CarriesTheAnswerAndTheReason()
    {
        var details = ApplicationEventDescription.Of(new DispatchFailed(3, "AI backend API version mismatch", "version_mismatch:409")).Details;

        details.ToJsonString().Should().Be("""{"dispatchAttempt":3,"answer":"version_mismatch:409","failureReason":"AI backend API version mismatch"}""");
    }
}
