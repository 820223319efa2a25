using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;

namespace AppBackend.UnitTests.Application.Analysis.ApplyAnalysisResult;

/// <summary>A reported result goes to the group commit, unless its job is known to be done.</summary>
public class ApplyAnalysisResultCommandHandlerTests
{
    private readonly ApplicationScenario _scenario = Given.Application(ApplicationStatus.AnalysisFailed, questionCount: 2);
    private readonly DoneJobs _doneJobs = new();
    private readonly CountingGroupCommit _results = new();

    [Fact]
    public async Task Handle_AJobKnownToBeDone_IsADuplicateWithoutTheGroupCommit()
    {
        var doneJob = _scenario.Video(1).JobId!;
        _doneJobs.RememberIfDone(_scenario.Application, doneJob);

        var answer = await HandleAsync(Command(doneJob, "failed"));

        answer.ShouldSucceedWith(ResultApplication.Duplicate);
        _results.Submitted.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_AnyOtherJob_GoesToTheGroupCommit()
    {
        var failedJob = _scenario.Video(0).JobId!;
        _doneJobs.RememberIfDone(_scenario.Application, failedJob);

        var answer = await HandleAsync(Command(failedJob, "done"));

        answer.ShouldSucceedWith(ResultApplication.Applied);
        _results.Submitted.Should().ContainSingle().Which.JobId.Should().Be(failedJob);
    }

    private static ApplyAnalysisResultCommand Command(string jobId, string status) => new(jobId, null, status, 80, "ai-1", null);

    private ValueTask<Result<ResultApplication>> HandleAsync(ApplyAnalysisResultCommand command) =>
        new ApplyAnalysisResultCommandHandler(_results, _doneJobs, new FixedRequestContext("req-1")).Handle(command, CancellationToken.None);

    private sealed class CountingGroupCommit : IGroupCommit<AnalysisReport, Result<ResultApplication>>
    {
        public List<AnalysisReport> Submitted { get; } = [];

        public ValueTask<Result<ResultApplication>> SubmitAsync(AnalysisReport item, string actor, CancellationToken cancellationToken)
        {
            Submitted.Add(item);
            return ValueTask.FromResult<Result<ResultApplication>>(ResultApplication.Applied);
        }
    }
}
