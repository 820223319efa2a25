using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class StatusNamesTests
{
    public static TheoryData<ApplicationStatus> AllApplicationStatuses => Given.StatusesExcept();

    [Theory]
    [InlineData(ApplicationStatus.Draft, "draft")]
    [InlineData(ApplicationStatus.Queued, "queued")]
    [InlineData(ApplicationStatus.AwaitingAiAnalysis, "awaiting_ai_analysis")]
    [InlineData(ApplicationStatus.Completed, "completed")]
    [InlineData(ApplicationStatus.DispatchFailed, "dispatch_failed")]
    [InlineData(ApplicationStatus.AnalysisFailed, "analysis_failed")]
    public void Of_ApplicationStatus_ReturnsTheWireName(ApplicationStatus status, string expected)
    {
        StatusNames.Of(status).Should().Be(expected);
    }

    [Theory]
    [InlineData(VideoStatus.Uploaded, "uploaded")]
    [InlineData(VideoStatus.Queued, "queued")]
    [InlineData(VideoStatus.Processing, "processing")]
    [InlineData(VideoStatus.Done, "done")]
    [InlineData(VideoStatus.AnalysisFailed, "analysis_failed")]
    public void Of_VideoStatus_ReturnsTheWireName(VideoStatus status, string expected)
    {
        StatusNames.Of(status).Should().Be(expected);
    }

    [Fact]
    public void Of_EveryApplicationStatus_HasADistinctSnakeCaseName()
    {
        var names = Enum.GetValues<ApplicationStatus>().Select(StatusNames.Of).ToList();

        names.Should().HaveCount(6).And.OnlyHaveUniqueItems();
        names.Should().AllSatisfy(n => n.Should().MatchRegex("^[a-z]+(_[a-z]+)*$"));
    }

    [Fact]
    public void Of_EveryVideoStatus_HasADistinctSnakeCaseName()
    {
        var names = Enum.GetValues<VideoStatus>().Select(StatusNames.Of).ToList();

        names.Should().HaveCount(5).And.OnlyHaveUniqueItems();
        names.Should().AllSatisfy(n => n.Should().MatchRegex("^[a-z]+(_[a-z]+)*$"));
    }

    [Fact]
    public void Of_AnUndefinedApplicationStatus_Throws()
    {
        var name = () => StatusNames.Of((ApplicationStatus)99);

        name.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Of_AnUndefinedVideoStatus_Throws()
    {
        var name = () => StatusNames.Of((VideoStatus)99);

        name.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [MemberData(nameof(AllApplicationStatuses))]
    public void TryParse_TheWireName_RoundTrips(ApplicationStatus status)
    {
        var parsed = StatusNames.TryParse(StatusNames.Of(status), out var result);

        parsed.Should().BeTrue();
        result.Should().Be(status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pending")]
    [InlineData("Queued")]
    [InlineData("QUEUED")]
    [InlineData(" queued")]
    [InlineData("AwaitingAiAnalysis")]
    [InlineData("awaiting-ai-analysis")]
    [InlineData("2")]
    [InlineData("uploaded")]
    [InlineData("processing")]
    public void TryParse_AnUnknownValue_ReturnsFalse(string value)
    {
        var parsed = StatusNames.TryParse(value, out var result);

        parsed.Should().BeFalse();
        result.Should().Be(default(ApplicationStatus));
    }
}
