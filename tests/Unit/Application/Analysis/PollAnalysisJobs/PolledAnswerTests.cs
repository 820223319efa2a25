using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Domain;

namespace AppBackend.UnitTests.Application.Analysis.PollAnalysisJobs;

public class PolledAnswerTests
{
    private static readonly AnalysisJobRef Job = new("app-1", "video-1", "job-1", DateTimeOffset.UnixEpoch);
    private readonly PolledAnswer _answers = new([new ApplyAnalysisResultCommandValidator()]);

    [Theory]
    [InlineData("done", true)]
    [InlineData("failed", true)]
    [InlineData("processing", false)]
    [InlineData("queued", false)]
    public void IsFinal_IsTrueOnlyForDoneOrFailed(string status, bool final) =>
        PolledAnswer.IsFinal(new JobStatusReport("job-1", null, status, null, null, null)).Should().Be(final);

    [Fact]
    public void IsFinal_WhenTheBackendDoesNotKnowTheJob_IsFalse() => PolledAnswer.IsFinal(null).Should().BeFalse();

    [Fact]
    public void ToReport_OfAUsableDoneAnswer_IsTheResultForThePolledJobAndVideo()
    {
        var report = _answers.ToReport(Job, new JobStatusReport("job-1", null, "done", 81.5, "ai-7", null));

        report.ShouldSucceedWith(new AnalysisReport("job-1", "video-1", AnalysisOutcome.Done, 81.5, "ai-7", null));
    }

    [Fact]
    public void ToReport_OfADoneAnswerWithoutScore_IsAnUnusableAnswerNamingTheRule()
    {
        var report = _answers.ToReport(Job, new JobStatusReport("job-1", null, "done", null, "ai-7", null));

        report.ShouldFailWith(ErrorKind.Validation, "analysis.unusable_answer");
        report.Error.Description.Should().Be("'overallScore' is required when status is 'done'.");
    }
}
