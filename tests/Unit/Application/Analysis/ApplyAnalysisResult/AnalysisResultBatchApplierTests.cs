using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Application.Analysis.ApplyAnalysisResult;

/// <summary>A group commit's batch of results: one read and one save where it can, the one-by-one answers where it cannot.</summary>
public class AnalysisResultBatchApplierTests
{
    private readonly InMemoryDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(ApplicationScenario.StartTime.AddHours(1));
    private readonly DoneJobs _doneJobs = new();

    [Fact]
    public async Task Handle_ResultsForDifferentApplications_AreAppliedInOneSave()
    {
        var first = SeedDispatched("a");
        var second = SeedDispatched("b");

        var answers = await HandleAsync(Done(first, 0), Done(second, 1), Done(first, 1));

        answers.Should().AllSatisfy(a => a.ShouldSucceedWith(ResultApplication.Applied));
        _database.SuccessfulSaves.Should().Be(2, "the second result for application a waits for the next round; b's shares the first save");
        Committed(first).AiAnalysisResults.Select(r => r.JobId).Should().BeEquivalentTo([JobId(first, 0), JobId(first, 1)]);
        Committed(second).AiAnalysisResults.Select(r => r.JobId).Should().Equal(JobId(second, 1));
    }

    [Fact]
    public async Task Handle_EveryResultOfOneApplication_MakesOneVersionEach()
    {
        var application = SeedDispatched("a");
        var before = Committed(application).Version;

        var answers = await HandleAsync(Done(application, 0), Done(application, 1));

        answers.Should().AllSatisfy(a => a.ShouldSucceedWith(ResultApplication.Applied));
        Committed(application).Version.Should().Be(before + 2);
        Committed(application).Status.Should().Be(ApplicationStatus.Completed);
    }

    [Fact]
    public async Task Handle_AResultThatBeatItsDispatchSave_IsAppliedAlone_AndLoggedInTheScopeOfItsJobAndApplication()
    {
        // Submitted, the dispatch answer not yet saved: the batch's read by job id finds nothing, the video's id does.
        var scenario = ApplicationScenario.Start().AnswerAll().Submit();
        scenario.Application.ClearDomainEvents();
        _database.Seed(scenario.Interview, scenario.Application);
        var logger = new ScopeRecordingLogger<ApplyAnalysisResultCommandHandler>();

        var answers = await HandleAsync(_doneJobs, logger, scenario.DoneReport(0, jobId: "job-early"));

        answers.Should().ContainSingle().Which.ShouldSucceedWith(ResultApplication.Applied);
        var applied = logger.Lines.Should().ContainSingle(l => l.Message.Contains("applied to application", StringComparison.Ordinal)).Subject;
        applied.Scope.Should().Contain("jobId", "job-early").And.Contain("applicationId", scenario.Application.Id).And.Contain("requestId", "req-batch");
    }

    [Fact]
    public async Task Handle_TheSameResultTwiceInOneBatch_IsAppliedOnceThenADuplicate()
    {
        var application = SeedDispatched("a");

        var answers = await HandleAsync(Done(application, 0), Done(application, 0));

        answers[0].ShouldSucceedWith(ResultApplication.Applied);
        answers[1].ShouldSucceedWith(ResultApplication.Duplicate);
        Committed(application).AiAnalysisResults.Should().ContainSingle();
    }

    [Fact]
    public async Task Handle_AResultAlreadyStored_AnswersDuplicateWithoutSaving()
    {
        var application = SeedDispatched("a");
        await HandleAsync(Done(application, 0));
        var saves = _database.SaveAttempts;

        var answers = await HandleAsync(Done(application, 0));

        answers.Single().ShouldSucceedWith(ResultApplication.Duplicate);
        _database.SaveAttempts.Should().Be(saves);
    }

    [Fact]
    public async Task Handle_AnAppliedDone_IsRememberedAsDone_AndAnAppliedFailedIsNot()
    {
        var application = SeedDispatched("a");

        var answers = await HandleAsync(Done(application, 0), Failed(application, 1));

        answers.Should().AllSatisfy(a => a.ShouldSucceedWith(ResultApplication.Applied));
        _doneJobs.Contains(JobId(application, 0)).Should().BeTrue();
        _doneJobs.Contains(JobId(application, 1)).Should().BeFalse("a retry gives a failed video another job");
    }

    [Fact]
    public async Task Handle_ADoneWhoseSaveNeverGoesThrough_IsNotRemembered()
    {
        var application = SeedDispatched("a");
        _database.FailNextSaves(2 + 16); // the batch's save and its one retry, then every attempt alone

        var handle = () => HandleAsync(Done(application, 0));

        await handle.Should().ThrowAsync<ConcurrencyConflictException>();
        _doneJobs.Contains(JobId(application, 0)).Should().BeFalse();
    }

    [Fact]
    public async Task Handle_ADuplicateOfADoneJobFoundOnTheRead_IsRememberedAsDone()
    {
        var application = SeedDispatched("a");
        await HandleAsync(Done(application, 0));
        var elsewhere = new DoneJobs();

        var answers = await HandleAsync(elsewhere, Done(application, 0));

        answers.Single().ShouldSucceedWith(ResultApplication.Duplicate);
        elsewhere.Contains(JobId(application, 0)).Should().BeTrue("another instance stored it; this one read it");
    }

    /// <summary>
    /// A lost save is decided again together on a fresh read (one save for both); when that round loses too, each goes
    /// alone (one save each), so a busy row cannot hold the batch back for good.
    /// </summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public async Task Handle_WhenAnotherWriterSavedFirst_DecidesThemAgainTogetherThenAlone(int lostSaves, int successfulSaves)
    {
        var first = SeedDispatched("a");
        var second = SeedDispatched("b");
        _database.FailNextSaves(lostSaves);

        var answers = await HandleAsync(Done(first, 0), Done(second, 0));

        answers.Should().AllSatisfy(a => a.ShouldSucceedWith(ResultApplication.Applied));
        _database.SuccessfulSaves.Should().Be(successfulSaves);
        Committed(first).AiAnalysisResults.Should().ContainSingle();
        Committed(second).AiAnalysisResults.Should().ContainSingle();
    }

    [Fact]
    public async Task Handle_AConflictRetriedWithAResultThatWaited_AppliesOneApplicationsResultsInTheOrderTheyCame()
    {
        var application = SeedDispatched("a");
        _database.FailNextSaves(1);

        var answers = await HandleAsync(Done(application, 1), Done(application, 0));

        answers.Should().AllSatisfy(a => a.ShouldSucceedWith(ResultApplication.Applied));
        Committed(application).AiAnalysisResults.Select(r => r.JobId).Should().Equal(JobId(application, 1), JobId(application, 0));
    }

    [Fact]
    public async Task Handle_AnUnknownJob_IsNotFoundAndDoesNotHoldBackTheOthers()
    {
        var application = SeedDispatched("a");

        var answers = await HandleAsync(
            new AnalysisReport("no-such-job", null, AnalysisOutcome.Done, 50, "ai-x", null), Done(application, 0));

        answers[0].ShouldFailWith(ErrorKind.NotFound, "application.job_not_found");
        answers[1].ShouldSucceedWith(ResultApplication.Applied);
    }

    private static string JobId(ApplicationScenario scenario, int index) => $"{scenario.Application.Id}-job-{index}";

    private static AnalysisReport Done(ApplicationScenario scenario, int index) => scenario.DoneReport(index, jobId: JobId(scenario, index));

    private ApplicationScenario SeedDispatched(string name)
    {
        var scenario = ApplicationScenario.Start().AnswerAll().Submit();
        var jobs = Enumerable.Range(0, scenario.Interview.Questions.Count).Select(i => new DispatchedJob(scenario.Video(i).Id, JobId(scenario, i))).ToList();
        scenario.Application.RecordDispatch(jobs, scenario.Later(), ApplicationScenario.Polls).IsSuccess.Should().BeTrue(name);
        scenario.Application.ClearDomainEvents();
        _database.Seed(scenario.Interview, scenario.Application);
        return scenario;
    }

    private JobApplication Committed(ApplicationScenario scenario) => _database.CommittedApplication(scenario.Application.Id)!;

    private static AnalysisReport Failed(ApplicationScenario scenario, int index) => scenario.FailedReport(index, jobId: JobId(scenario, index));

    private Task<IReadOnlyList<Result<ResultApplication>>> HandleAsync(params AnalysisReport[] reports) => HandleAsync(_doneJobs, reports);

    private Task<IReadOnlyList<Result<ResultApplication>>> HandleAsync(DoneJobs doneJobs, params AnalysisReport[] reports) =>
        HandleAsync(doneJobs, NullLogger<ApplyAnalysisResultCommandHandler>.Instance, reports);

    private async Task<IReadOnlyList<Result<ResultApplication>>> HandleAsync(
        DoneJobs doneJobs, ILogger<ApplyAnalysisResultCommandHandler> logger, params AnalysisReport[] reports)
    {
        var applier = new AnalysisResultApplier(
            _database.JobApplications,
            new OptimisticUpdate(_database),
            new NullAnalysisMetrics(),
            doneJobs,
            new LogContext(new FixedRequestContext("req-batch")),
            _clock,
            logger);
        var batch = new AnalysisResultBatchApplier(_database.JobApplications, _database, applier, _clock);
        return await batch.HandleAsync(reports, CancellationToken.None);
    }
}
