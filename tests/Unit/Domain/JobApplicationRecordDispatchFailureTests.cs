using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Domain;

public class JobApplicationRecordDispatchFailureTests
{
    public static TheoryData<ApplicationStatus> NotQueuedStatuses => Given.StatusesExcept(ApplicationStatus.Queued);

    [Theory]
    [InlineData(FailureReasons.AnalysisCouldNotBeStarted)]
    [InlineData(FailureReasons.ApiVersionMismatch)]
    [InlineData(FailureReasons.AiBackendUnavailable)]
    public void RecordDispatchFailure_FromQueued_MovesToDispatchFailedWithRetryAllowed(string reason)
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var application = scenario.Application;
        var versionBefore = application.Version;
        var now = scenario.Later();

        var result = application.RecordDispatchFailure(reason, now);

        result.ShouldSucceed();
        application.Status.Should().Be(ApplicationStatus.DispatchFailed);
        application.AllowRetry.Should().BeTrue();
        application.FailureReason.Should().Be(reason);
        application.OverallScore.Should().BeNull();
        application.DispatchAttempt.Should().Be(1);
        application.Version.Should().BeGreaterThan(versionBefore);
        application.UpdatedAt.Should().Be(now);
        application.VideoResponses.Should().AllSatisfy(v =>
        {
            v.Status.Should().Be(VideoStatus.Queued);
            v.JobId.Should().BeNull();
        });
    }

    [Theory]
    [MemberData(nameof(NotQueuedStatuses))]
    public void RecordDispatchFailure_WhenNotQueued_ReturnsNotQueued(ApplicationStatus status)
    {
        var scenario = Given.Application(status);
        var before = ApplicationSnapshot.Of(scenario.Application);

        var result = scenario.Application.RecordDispatchFailure(FailureReasons.ApiVersionMismatch, scenario.Later());

        result.ShouldFailWith(ErrorKind.Conflict, "application.not_queued");
        ApplicationSnapshot.Of(scenario.Application).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RecordDispatchFailure_WithABlankReason_Throws(string reason)
    {
        var scenario = Given.Application(ApplicationStatus.Queued);

        var record = () => scenario.Application.RecordDispatchFailure(reason, scenario.Later());

        record.Should().Throw<ArgumentException>();
        scenario.Application.Status.Should().Be(ApplicationStatus.Queued);
    }
}
