using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Application.Analysis.PollAnalysisJobs;

/// <summary>
/// A tick's selection is read before its claims, so another instance may have asked about a selected job in
/// between: the claim reads the application afresh and asks only about a job still due. The one-job poll (the admin
/// tool's) asks at once, due or not.
/// </summary>
public class PollAnalysisJobsCommandHandlerTests
{
    private readonly InMemoryDatabase _database = new();
    private readonly StillProcessingBackend _backend = new();
    private readonly ApplicationScenario _scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
    private readonly FakeTimeProvider _clock;
    private readonly AnalysisTimingOptions _timing = new()
    {
        PollAfter = ApplicationScenario.Polls.FirstAfter,
        PollInterval = ApplicationScenario.Polls.Interval,
    };

    public PollAnalysisJobsCommandHandlerTests()
    {
        _database.Seed(_scenario.Interview, _scenario.Application);
        _clock = new FakeTimeProvider(_scenario.Now);
    }

    [Fact]
    public async Task Poll_OfDueJobs_AsksAboutEachAndMovesItsNextPollOn()
    {
        _clock.Advance(ApplicationScenario.Polls.FirstAfter);

        var report = await HandleAsync(new PollAnalysisJobsCommand(), Selected(0), Selected(1));

        report.Should().Be(new PollReport(2, 0));
        _backend.Asked.Should().Equal(_scenario.Video(0).JobId, _scenario.Video(1).JobId);
        Committed(0).NextPollAt.Should().Be(_clock.GetUtcNow() + ApplicationScenario.Polls.Interval);
    }

    [Fact]
    public async Task Poll_OfAJobAnotherInstanceAskedAboutSinceTheSelection_DoesNotAskAgain()
    {
        _clock.Advance(ApplicationScenario.Polls.FirstAfter);
        var polledElsewhere = _clock.GetUtcNow();
        _database.WriteConcurrently(_scenario.Application.Id, a => a.RecordPoll(_scenario.Video(0).Id, polledElsewhere, ApplicationScenario.Polls));

        var report = await HandleAsync(new PollAnalysisJobsCommand(), Selected(0), Selected(1));

        report.Should().Be(new PollReport(1, 0));
        _backend.Asked.Should().Equal(_scenario.Video(1).JobId);
        Committed(0).LastPolledAt.Should().Be(polledElsewhere);
    }

    [Fact]
    public async Task Poll_OfOneJobNotYetDue_AsksAtOnce()
    {
        var report = await HandleAsync(new PollAnalysisJobsCommand(_scenario.Video(0).JobId), Selected(0));

        report.Should().Be(new PollReport(1, 0));
        _backend.Asked.Should().Equal(_scenario.Video(0).JobId);
    }

    private AnalysisJobRef Selected(int index) =>
        new(_scenario.Application.Id, _scenario.Video(index).Id, _scenario.Video(index).JobId!, _scenario.Video(index).DispatchedAt!.Value);

    private VideoResponse Committed(int index) =>
        _database.CommittedApplication(_scenario.Application.Id)!.FindVideo(_scenario.Video(index).Id)!;

    private async Task<PollReport> HandleAsync(PollAnalysisJobsCommand command, params AnalysisJobRef[] selection)
    {
        var logContext = new LogContext(new FixedRequestContext("poll-test"));
        var update = new OptimisticUpdate(_database);
        var handler = new PollAnalysisJobsCommandHandler(
            new FixedSelection(selection),
            _database.JobApplications,
            _backend,
            update,
            new PolledAnswer([]),
            new AnalysisResultApplier(_database.JobApplications, update, new NullAnalysisMetrics(), new DoneJobs(), logContext, _clock, NullLogger<ApplyAnalysisResultCommandHandler>.Instance),
            new NullAnalysisMetrics(),
            logContext,
            Options.Create(_timing),
            _clock,
            NullLogger<PollAnalysisJobsCommandHandler>.Instance);
        return await handler.Handle(command, CancellationToken.None);
    }

    /// <summary>The selection as a tick read it: the same jobs whatever happened since.</summary>
    private sealed class FixedSelection(IReadOnlyList<AnalysisJobRef> selection) : IAnalysisJobQueries
    {
        public Task<IReadOnlyList<AnalysisJobRef>> DueForPollAsync(DateTimeOffset now, int take, CancellationToken cancellationToken) =>
            Task.FromResult(selection);

        public Task<IReadOnlyList<AnalysisJobRef>> DueForAlertAsync(DateTimeOffset dispatchedBefore, int take, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Not used by the poller.");

        public Task<AnalysisJobRef?> FindInFlightAsync(string jobId, CancellationToken cancellationToken) =>
            Task.FromResult(selection.FirstOrDefault(j => j.JobId == jobId));
    }

    /// <summary>An AI backend that reports every job as still processing, and records which it was asked about.</summary>
    private sealed class StillProcessingBackend : IAnalysisBackend
    {
        public List<string> Asked { get; } = [];

        public Task<DispatchAnswer> StartAnalysisAsync(AnalysisRequest request, string idempotencyKey, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Not used by the poller.");

        public Task<JobStatusReport?> GetJobStatusAsync(string jobId, CancellationToken cancellationToken)
        {
            Asked.Add(jobId);
            return Task.FromResult<JobStatusReport?>(new JobStatusReport(jobId, null, "processing", null, null, null));
        }
    }
}
