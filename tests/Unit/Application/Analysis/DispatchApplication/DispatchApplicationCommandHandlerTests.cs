using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;
using AppBackend.UnitTests.Domain;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Application.Analysis.DispatchApplication;

public class DispatchApplicationCommandHandlerTests
{
    private const string RequestId = "req-dispatch-1";
    private static readonly Uri PublicBaseUrl = new("https://app.example.com/backend/");

    private readonly InMemoryDatabase _database = new();
    private readonly ScriptedAnalysisBackend _backend = new();
    private readonly FakeTimeProvider _clock = new(ApplicationScenario.StartTime.AddHours(1));

    public static TheoryData<int> RefusalStatuses => [400, 401, 403];

    [Fact]
    public async Task Handle_WhenTheBackendAccepts_RecordsEveryJobAndRemovesThePendingDispatch()
    {
        var scenario = SeedQueued(questionCount: 3);
        var key = scenario.Application.DispatchIdempotencyKey;

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Dispatched);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        saved.AllowRetry.Should().BeFalse();
        saved.FailureReason.Should().BeNull();
        saved.VideoResponses.Should().HaveCount(3).And.AllSatisfy(v =>
        {
            v.Status.Should().Be(VideoStatus.Processing);
            v.JobId.Should().Be(ScriptedAnalysisBackend.JobIdFor(v.Id));
            v.DispatchedAt.Should().Be(_clock.GetUtcNow());
        });
        _database.CommittedDispatch(key).Should().BeNull();
        _database.SaveAttempts.Should().Be(1);
        _database.DiscardCalls.Should().Be(0);
        _database.CommittedAlerts.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WithAnOwedDispatch_CallsTheBackendOnceWithTheApplicationsIdempotencyKeyAndPayload()
    {
        var scenario = SeedQueued(questionCount: 3);
        var key = scenario.Application.DispatchIdempotencyKey;

        await HandleAsync(key);

        _backend.Calls.Should().ContainSingle();
        var (request, idempotencyKey) = _backend.Calls[0];
        idempotencyKey.Should().Be(key).And.Be($"{scenario.Application.Id}-1");
        request.Meta.ApiVersion.Should().Be("1.0.0");
        request.Meta.RequestId.Should().Be(RequestId);
        request.Meta.CallbackUrl.Should().Be("https://app.example.com/backend/webhooks/analysis-ready");
        request.Application.Id.Should().Be(scenario.Application.Id);
        request.Interview.Id.Should().Be(scenario.Interview.Id);
        request.VideoResponses.Should().Equal(
            Enumerable.Range(0, 3).Select(i => new AnalysisRequestVideo(
                scenario.Video(i).Id, scenario.QuestionId(i), SignedMediaUrls.For(scenario.Video(i)))));
    }

    [Fact]
    public async Task Handle_WhenTheBackendNamesNoVideos_MatchesTheJobsByPosition()
    {
        var scenario = SeedQueued(questionCount: 2);
        _backend.Answer = _ => new DispatchAnswer.Accepted([new AcceptedJob("bull-first", null), new AcceptedJob("bull-second", null)]);

        var result = await HandleAsync(scenario.Application.DispatchIdempotencyKey);

        result.ShouldSucceedWith(DispatchOutcome.Dispatched);
        var saved = Committed(scenario);
        saved.FindVideo(scenario.Video(0).Id)!.JobId.Should().Be("bull-first");
        saved.FindVideo(scenario.Video(1).Id)!.JobId.Should().Be("bull-second");
    }

    [Fact]
    public async Task Handle_AfterARetryFromAnalysisFailed_SendsOnlyTheFailedVideoAndKeepsTheDoneOne()
    {
        var scenario = Given.Application(ApplicationStatus.AnalysisFailed).Retry();
        Seed(scenario);
        var doneJobId = scenario.Video(1).JobId;

        var result = await HandleAsync(scenario.Application.DispatchIdempotencyKey);

        result.ShouldSucceedWith(DispatchOutcome.Dispatched);
        _backend.Calls.Should().ContainSingle().Which.IdempotencyKey.Should().Be($"{scenario.Application.Id}-2");
        _backend.Calls[0].Request.VideoResponses.Should().ContainSingle().Which.VideoResponseId.Should().Be(scenario.Video(0).Id);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        saved.FindVideo(scenario.Video(0).Id)!.JobId.Should().Be(ScriptedAnalysisBackend.JobIdFor(scenario.Video(0).Id));
        saved.FindVideo(scenario.Video(1).Id)!.Status.Should().Be(VideoStatus.Done);
        saved.FindVideo(scenario.Video(1).Id)!.JobId.Should().Be(doneJobId);
    }

    [Theory]
    [MemberData(nameof(RefusalStatuses))]
    public async Task Handle_WhenTheBackendRefuses_MarksDispatchFailedWithoutAlert(int status)
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        _backend.Answer = _ => new DispatchAnswer.Refused(status, """{"error":"invalid payload"}""");

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Failed);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.DispatchFailed);
        saved.FailureReason.Should().Be("analysis could not be started");
        saved.AllowRetry.Should().BeTrue();
        saved.VideoResponses.Should().AllSatisfy(v => v.JobId.Should().BeNull());
        _database.CommittedDispatch(key).Should().BeNull();
        _backend.Calls.Should().ContainSingle();
        _database.CommittedAlerts.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenTheBackendReportsAVersionMismatch_MarksDispatchFailedAndAlertsOnce()
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        _backend.Answer = _ => new DispatchAnswer.VersionMismatch("""{"error":"unsupported apiVersion 1.0.0"}""");

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Failed);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.DispatchFailed);
        saved.FailureReason.Should().Be("AI backend API version mismatch");
        saved.AllowRetry.Should().BeTrue();
        _database.CommittedDispatch(key).Should().BeNull();
        _database.CommittedAlerts.Should().ContainSingle().Which.Should().Contain(scenario.Application.Id);
    }

    [Fact]
    public async Task Handle_WhenTheBackendStaysUnavailable_MarksDispatchFailedAndAllowsRetry()
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        _backend.Answer = _ => new DispatchAnswer.Unavailable("HTTP 503 after every retry");

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Failed);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.DispatchFailed);
        saved.AllowRetry.Should().BeTrue();
        saved.FailureReason.Should().Be(FailureReasons.AiBackendUnavailable);
        _database.CommittedDispatch(key).Should().BeNull();
        _database.CommittedAlerts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("no jobs at all")]
    [InlineData("a job for one video only")]
    [InlineData("a job for a video not sent")]
    [InlineData("an empty job id")]
    [InlineData("two jobs for one video")]
    public async Task Handle_WhenTheAcceptedJobsDoNotCoverEveryVideo_MarksDispatchFailed(string answer)
    {
        var scenario = SeedQueued(questionCount: 2);
        var first = scenario.Video(0).Id;
        var second = scenario.Video(1).Id;
        IReadOnlyList<AcceptedJob> jobs = answer switch
        {
            "no jobs at all" => [],
            "a job for one video only" => [new AcceptedJob("bull-1", first)],
            "a job for a video not sent" => [new AcceptedJob("bull-1", first), new AcceptedJob("bull-2", "someone-elses-video")],
            "an empty job id" => [new AcceptedJob("bull-1", first), new AcceptedJob(string.Empty, second)],
            "two jobs for one video" => [new AcceptedJob("bull-1", first), new AcceptedJob("bull-2", first), new AcceptedJob("bull-3", second)],
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        };
        _backend.Answer = _ => new DispatchAnswer.Accepted(jobs);

        var result = await HandleAsync(scenario.Application.DispatchIdempotencyKey);

        result.ShouldSucceedWith(DispatchOutcome.Failed);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.DispatchFailed);
        saved.FailureReason.Should().Be("analysis could not be started");
        saved.AllowRetry.Should().BeTrue();
        saved.VideoResponses.Should().AllSatisfy(v =>
        {
            v.Status.Should().Be(VideoStatus.Queued);
            v.JobId.Should().BeNull();
        });
        _database.CommittedDispatch(scenario.Application.DispatchIdempotencyKey).Should().BeNull();
    }

    [Fact]
    public async Task Handle_WithAnUnknownKey_ReturnsDispatchNotFound()
    {
        var scenario = SeedQueued();

        var result = await HandleAsync("no-such-key");

        result.ShouldFailWith(ErrorKind.NotFound, "dispatch.not_found");
        _backend.Calls.Should().BeEmpty();
        _database.SaveAttempts.Should().Be(0);
        Committed(scenario).Status.Should().Be(ApplicationStatus.Queued);
    }

    [Fact]
    public async Task Handle_WhenTheApplicationIsNoLongerQueued_DropsTheDispatchWithoutCallingTheBackend()
    {
        var scenario = Given.Application(ApplicationStatus.AwaitingAiAnalysis);
        var key = scenario.Application.DispatchIdempotencyKey;
        Seed(scenario, key);
        var before = ApplicationSnapshot.Of(Committed(scenario));

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Obsolete);
        _backend.Calls.Should().BeEmpty();
        _database.CommittedDispatch(key).Should().BeNull();
        ApplicationSnapshot.Of(Committed(scenario)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Handle_WhenARetrySupersededTheKey_DropsTheOldDispatchWithoutCallingTheBackend()
    {
        var scenario = Given.Application(ApplicationStatus.Queued);
        var oldKey = scenario.Application.DispatchIdempotencyKey;
        scenario.FailDispatch().Retry().Expect(ApplicationStatus.Queued);
        var newKey = scenario.Application.DispatchIdempotencyKey;
        newKey.Should().NotBe(oldKey);
        Seed(scenario, oldKey, newKey);

        var result = await HandleAsync(oldKey);

        result.ShouldSucceedWith(DispatchOutcome.Obsolete);
        _backend.Calls.Should().BeEmpty();
        _database.CommittedDispatch(oldKey).Should().BeNull();
        _database.CommittedDispatch(newKey).Should().NotBeNull();
        Committed(scenario).Status.Should().Be(ApplicationStatus.Queued);
    }

    [Fact]
    public async Task Handle_WhenTheApplicationNoLongerExists_DropsTheDispatchWithoutCallingTheBackend()
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        _database.DeleteApplication(scenario.Application.Id);

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Obsolete);
        _backend.Calls.Should().BeEmpty();
        _database.CommittedDispatch(key).Should().BeNull();
    }

    /// <summary>
    /// The webhook for video 0 arrives and is saved while the dispatch call is still in flight (the AI backend can
    /// call back before it answers). The dispatch's save then conflicts; the same answer is applied to a fresh read,
    /// without asking the AI backend again, and the result already received is kept.
    /// </summary>
    [Fact]
    public async Task Handle_WhenACallbackIsSavedWhileTheCallIsInFlight_ReappliesTheAnswerToAFreshRead()
    {
        var scenario = SeedQueued(questionCount: 2);
        var key = scenario.Application.DispatchIdempotencyKey;
        var video0 = scenario.Video(0).Id;
        var video1 = scenario.Video(1).Id;
        var callback = new AnalysisReport(ScriptedAnalysisBackend.JobIdFor(video0), video0, AnalysisOutcome.Done, 88, "ai-early", null);
        _backend.WhileInFlight = () => _database.WriteConcurrently(
            scenario.Application.Id,
            application => application.ApplyAnalysisResult(callback, _clock.GetUtcNow()).ShouldSucceedWith(ResultApplication.Applied));

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Dispatched);
        _backend.Calls.Should().ContainSingle();
        _database.DiscardCalls.Should().Be(1);
        _database.SaveAttempts.Should().Be(2);
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        saved.FindVideo(video0)!.Status.Should().Be(VideoStatus.Done);
        saved.FindVideo(video0)!.OverallScore.Should().Be(88);
        saved.LatestAiAnalysisId.Should().Be("ai-early");
        saved.AiAnalysisResults.Should().ContainSingle();
        saved.FindVideo(video1)!.Status.Should().Be(VideoStatus.Processing);
        saved.FindVideo(video1)!.JobId.Should().Be(ScriptedAnalysisBackend.JobIdFor(video1));
        _database.CommittedDispatch(key).Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenTheFirstSaveConflicts_DiscardsAndSavesAgainWithoutCallingTheBackendAgain()
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        _database.FailNextSaves(1);

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Dispatched);
        _backend.Calls.Should().ContainSingle();
        _database.DiscardCalls.Should().Be(1);
        _database.SaveAttempts.Should().Be(2);
        Committed(scenario).Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        _database.CommittedDispatch(key).Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenAVersionMismatchIsSavedOnlyOnTheSecondTry_AlertsExactlyOnce()
    {
        var scenario = SeedQueued();
        _backend.Answer = _ => new DispatchAnswer.VersionMismatch("{}");
        _database.FailNextSaves(1);

        var result = await HandleAsync(scenario.Application.DispatchIdempotencyKey);

        result.ShouldSucceedWith(DispatchOutcome.Failed);
        _database.CommittedAlerts.Should().ContainSingle();
        _backend.Calls.Should().ContainSingle();
    }

    /// <summary>
    /// Another worker (whose lease this one lost) dispatched the same key and saved first. This dispatch's save
    /// conflicts, and the fresh read shows the application no longer owed: nothing of this answer is recorded.
    /// </summary>
    [Fact]
    public async Task Handle_WhenAnotherWriterDispatchedTheApplicationMeanwhile_ReturnsObsoleteAndKeepsTheirJobs()
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        var theirJobs = scenario.JobsForQueuedVideos();
        _backend.WhileInFlight = () =>
        {
            _database.WriteConcurrently(scenario.Application.Id, application => application.RecordDispatch(theirJobs, _clock.GetUtcNow(), ApplicationScenario.Polls).ShouldSucceed());
            _database.RemoveConcurrently(key);
        };

        var result = await HandleAsync(key);

        result.ShouldSucceedWith(DispatchOutcome.Obsolete);
        _backend.Calls.Should().ContainSingle();
        var saved = Committed(scenario);
        saved.Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
        saved.VideoResponses.Select(v => v.JobId).Should().BeEquivalentTo(theirJobs.Select(j => j.JobId));
        _database.CommittedDispatches.Should().BeEmpty();
        _database.CommittedAlerts.Should().BeEmpty();
    }

    /// <summary>
    /// The batch's save, then five alone (MaxSaveAttempts = 5), each on a fresh read: after four conflicts the fifth
    /// save may still succeed, and the sixth conflict propagates.
    /// </summary>
    [Fact]
    public async Task Handle_WhenTheFirstFourSavesConflict_SucceedsOnTheFifth()
    {
        var scenario = SeedQueued();
        _database.FailNextSaves(4);

        var result = await HandleAsync(scenario.Application.DispatchIdempotencyKey);

        result.ShouldSucceedWith(DispatchOutcome.Dispatched);
        _database.SaveAttempts.Should().Be(5);
        _database.DiscardCalls.Should().Be(4);
        _backend.Calls.Should().ContainSingle();
        Committed(scenario).Status.Should().Be(ApplicationStatus.AwaitingAiAnalysis);
    }

    [Fact]
    public async Task Handle_WhenEverySaveConflicts_PropagatesTheConflictAfterFiveAttempts()
    {
        var scenario = SeedQueued();
        var key = scenario.Application.DispatchIdempotencyKey;
        _backend.Answer = _ => new DispatchAnswer.VersionMismatch("{}");
        _database.FailNextSaves(int.MaxValue);

        var act = async () => await HandleAsync(key);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        _database.SaveAttempts.Should().Be(6);
        _database.DiscardCalls.Should().Be(5);
        _backend.Calls.Should().ContainSingle();
        _database.CommittedAlerts.Should().BeEmpty("nothing was recorded, so the owed dispatch will be resumed and alert then");
        Committed(scenario).Status.Should().Be(ApplicationStatus.Queued);
        _database.CommittedDispatch(key).Should().NotBeNull();
    }

    private ApplicationScenario SeedQueued(int questionCount = 2)
    {
        var scenario = Given.Application(ApplicationStatus.Queued, questionCount);
        Seed(scenario);
        return scenario;
    }

    /// <summary>Commits the scenario's interview and application, with a pending dispatch under each key (the current one by default).</summary>
    private void Seed(ApplicationScenario scenario, params string[] keys)
    {
        var dispatchKeys = keys.Length > 0 ? keys : [scenario.Application.DispatchIdempotencyKey];
        _database.Seed(
            scenario.Interview,
            scenario.Application,
            [.. dispatchKeys.Select(k => new PendingDispatch(k, scenario.Application.Id, scenario.Now))]);
    }

    private JobApplication Committed(ApplicationScenario scenario) =>
        _database.CommittedApplication(scenario.Application.Id) ?? throw new InvalidOperationException("The application is not in the database.");

    private async Task<Result<DispatchOutcome>> HandleAsync(string key)
    {
        var requestContext = new FixedRequestContext(RequestId);
        var answers = new InlineGroupCommit<AnsweredDispatch, DispatchOutcome>(
            DispatchRecording.Batch(_database, _clock, requestContext, new NullAnalysisMetrics()));
        var handler = new DispatchApplicationCommandHandler(new AnalysisDispatcher(
            _database.DispatchQueue,
            _database.JobApplications,
            _database.Interviews,
            _backend,
            new SignedMediaUrls(),
            _database,
            requestContext,
            new LogContext(requestContext),
            Options.Create(new PublicUrlOptions { PublicBaseUrl = PublicBaseUrl }),
            answers));
        return await handler.Handle(new DispatchApplicationCommand(key), CancellationToken.None);
    }
}
