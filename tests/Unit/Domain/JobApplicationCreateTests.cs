using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationCreateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Candidate SomeCandidate = new("Ayşe Yılmaz", "ayse@example.com", null, null);

    [Fact]
    public void Create_ForAnInterview_StartsAsAnEmptyDraft()
    {
        var interview = ApplicationScenario.NewInterview(2, Now);

        var application = JobApplication.Create(interview, "owner-1", SomeCandidate, Now);

        application.Id.Should().MatchRegex("^[0-9a-f]{32}$");
        application.InterviewId.Should().Be(interview.Id);
        application.OrganizationId.Should().Be(ApplicationScenario.Organization, "an application belongs to its interview's organization");
        application.OwnerId.Should().Be("owner-1");
        application.Candidate.Should().Be(SomeCandidate);
        application.Status.Should().Be(ApplicationStatus.Draft);
        application.AllowRetry.Should().BeFalse();
        application.FailureReason.Should().BeNull();
        application.LatestAiAnalysisId.Should().BeNull();
        application.OverallScore.Should().BeNull();
        application.DispatchAttempt.Should().Be(0);
        application.Version.Should().Be(1);
        application.CreatedAt.Should().Be(Now);
        application.UpdatedAt.Should().Be(Now);
        application.VideoResponses.Should().BeEmpty();
        application.AiAnalysisResults.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_WithBlankOwner_Throws(string ownerId)
    {
        var interview = ApplicationScenario.NewInterview(1, Now);

        var create = () => JobApplication.Create(interview, ownerId, SomeCandidate, Now);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void IsOwnedBy_ItsOwner_ReturnsTrue()
    {
        var application = JobApplication.Create(ApplicationScenario.NewInterview(1, Now), "owner-1", SomeCandidate, Now);

        application.IsOwnedBy("owner-1").Should().BeTrue();
    }

    [Theory]
    [InlineData("owner-2")]
    [InlineData("OWNER-1")]
    [InlineData("")]
    public void IsOwnedBy_SomeoneElse_ReturnsFalse(string subject)
    {
        var application = JobApplication.Create(ApplicationScenario.NewInterview(1, Now), "owner-1", SomeCandidate, Now);

        application.IsOwnedBy(subject).Should().BeFalse();
    }

    [Fact]
    public void FindVideo_ByItsId_ReturnsThatVideo()
    {
        var scenario = Given.Application(ApplicationStatus.Draft);

        scenario.Application.FindVideo(scenario.Video(1).Id).Should().BeSameAs(scenario.Video(1));
    }

    [Fact]
    public void FindVideo_UnknownId_ReturnsNull()
    {
        var scenario = Given.Application(ApplicationStatus.Draft);

        scenario.Application.FindVideo("unknown-video").Should().BeNull();
    }
}
