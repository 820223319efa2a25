using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Application.Analysis.DispatchApplication;

/// <summary>Many dispatch answers in one save, with the answers each would get alone.</summary>
public class DispatchAnswerBatchRecorderTests
{
    private readonly InMemoryDatabase _database = new();
    private readonly CountingMetrics _metrics = new();
    private readonly FakeTimeProvider _clock = new(ApplicationScenario.StartTime.AddHours(1));

    [Fact]
    public async Task HandleAsync_WithAnswersForSeveralApplications_RecordsThemAllInOneSave()
    {
        var scenarios = Enumerable.Range(0, 3).Select(_ => SeedQueued()).ToList();

        var outcomes = await HandleAsync([.. scenarios.Select(Accepted)]);

        outcomes.Should().Equal(DispatchOutcome.Dispatched, DispatchOutcome.Dispatched, DispatchOutcome.Dispatched);
        _database.SaveAttempts.Should().Be(1);
        scenarios.Should().AllSatisfy(s =>
        {
            _database.CommittedApplication(s.Application.Id)!.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
            _database.CommittedDispatch(s.Application.DispatchIdempotencyKey).Should().BeNull();
        });
        _metrics.Started.Should().Be(6, "two videos each, counted once");
    }

    [Fact]
    public async Task HandleAsync_WithAcceptedRefusedAndObsoleteAnswers_DecidesEachAsAloneInOneSave()
    {
        var accepted = SeedQueued();
        var mismatched = SeedQueued();
        var dispatched = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        _database.Seed(dispatched.Interview, dispatched.Application, new PendingDispatch("stale-key", dispatched.Application.Id, dispatched.Now));

        var outcomes = await HandleAsync(
            Accepted(accepted),
            Answered(mismatched, new DispatchAnswer.VersionMismatch("{}")),
            Answered(dispatched, ScriptedAnalysisBackend.AcceptEveryVideo, key: "stale-key"));

        outcomes.Should().Equal(DispatchOutcome.Dispatched, DispatchOutcome.Failed, DispatchOutcome.Obsolete);
        _database.SaveAttempts.Should().Be(1);
        _database.CommittedApplication(mismatched.Application.Id)!.Status.Should().Be(ApplicationStatus.DispatchFailed);
        _database.CommittedAlerts.Should().ContainSingle().Which.Should().Contain(mismatched.Application.Id);
        _database.CommittedDispatches.Should().BeEmpty("every answered record is dropped, the obsolete one too");
    }

    [Fact]
    public async Task HandleAsync_WithTwoAnswersForOneApplication_RecordsTheFirstAndFindsTheSecondObsolete()
    {
        var scenario = SeedQueued();

        var outcomes = await HandleAsync(Accepted(scenario), Accepted(scenario));

        outcomes.Should().Equal(DispatchOutcome.Dispatched, DispatchOutcome.Obsolete);
        _database.SaveAttempts.Should().Be(2, "a save holds one change per application: the second is decided alone after it");
        _metrics.Started.Should().Be(2);
    }

    [Fact]
    public async Task HandleAsync_WhenTheBatchSaveConflicts_RecordsEachAloneOnAFreshReadAndCountsEachOnce()
    {
        var first = SeedQueued();
        var second = SeedQueued();
        _database.FailNextSaves(1);

        var outcomes = await HandleAsync(Accepted(first), Accepted(second));

        outcomes.Should().Equal(DispatchOutcome.Dispatched, DispatchOutcome.Dispatched);
        _database.SaveAttempts.Should().Be(3);
        _database.DiscardCalls.Should().Be(2);
        _database.CommittedApplication(first.Application.Id)!.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        _database.CommittedApplication(second.Application.Id)!.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        _metrics.Started.Should().Be(4, "what the lost save decided is neither logged nor counted");
    }

    [Fact]
    public async Task HandleAsync_WhenAnotherWriterDispatchedOneMeanwhile_KeepsTheirJobsAndRecordsTheOther()
    {
        var theirs = SeedQueued();
        var ours = SeedQueued();
        var theirJobs = theirs.JobsForQueuedVideos();
        var answers = new[] { Accepted(theirs), Accepted(ours) };
        _database.WriteConcurrently(theirs.Application.Id, a => a.RecordDispatch(theirJobs, _clock.GetUtcNow(), ApplicationScenario.Polls).ShouldSucceed());
        _database.RemoveConcurrently(theirs.Application.DispatchIdempotencyKey);

        var outcomes = await HandleAsync(answers);

        outcomes.Should().Equal(DispatchOutcome.Obsolete, DispatchOutcome.Dispatched);
        _database.CommittedApplication(theirs.Application.Id)!.VideoResponses.Select(v => v.JobId)
            .Should().BeEquivalentTo(theirJobs.Select(j => j.JobId));
        _database.CommittedApplication(ours.Application.Id)!.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
    }

    private ApplicationScenario SeedQueued()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        _database.Seed(scenario.Interview, scenario.Application, new PendingDispatch(scenario.Application.DispatchIdempotencyKey, scenario.Application.Id, scenario.Now));
        return scenario;
    }

    private static AnsweredDispatch Accepted(ApplicationScenario scenario) => Answered(scenario, ScriptedAnalysisBackend.AcceptEveryVideo);

    private static AnsweredDispatch Answered(ApplicationScenario scenario, DispatchAnswer answer) => Answered(scenario, _ => answer);

    private static AnsweredDispatch Answered(ApplicationScenario scenario, Func<AnalysisRequest, DispatchAnswer> answer, string? key = null)
    {
        var application = scenario.Application;
        var videos = application.Status == ApplicationStatus.Queued ? application.VideosAwaitingDispatch(scenario.Interview) : application.VideoResponses;
        var request = AnalysisRequestFactory.Create(
            application, scenario.Interview, videos, new SignedMediaUrls().UrlForAnalysis, "req-batch", "https://app.example.com/webhooks/analysis-ready");
        return new AnsweredDispatch(key ?? application.DispatchIdempotencyKey, application.Id, request, answer(request));
    }

    private async Task<IReadOnlyList<DispatchOutcome>> HandleAsync(params AnsweredDispatch[] answers)
    {
        var batch = DispatchRecording.Batch(_database, _clock, new FixedRequestContext("req-batch"), _metrics);
        return await batch.HandleAsync(answers, CancellationToken.None);
    }

    private sealed class CountingMetrics : IAnalysisMetrics
    {
        public int Started { get; private set; }

        public void AnalysesStarted(int jobs) => Started += jobs;

        public void AnalysisFinished(bool done, TimeSpan? sinceDispatch)
        {
        }

        public void AiBackendError(string kind)
        {
        }

        public void WebhookReceived(string result)
        {
        }

        public void AlertSent()
        {
        }
    }
}
