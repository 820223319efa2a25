using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.JobApplications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>
/// The recording step of a dispatch: applies the AI backend's answer to the application, drops the owed-dispatch
/// record, and owes an alert for a version mismatch, all in one save. <see cref="DispatchAnswerBatchRecorder"/>
/// decides many answers with <see cref="Decide"/> and saves them together; <see cref="RecordAsync"/> records one alone,
/// and repeats only the save when a concurrent writer (a callback that beat it) changed the application: the answer is
/// re-applied to a fresh read, never re-requested. What is logged and counted of an answer comes after its commit,
/// once. Logs as the use case it is part of.
/// </summary>
public sealed partial class DispatchRecorder(
    IDispatchQueue queue,
    IJobApplicationRepository applications,
    IAlertOutbox alerts,
    OptimisticUpdate update,
    IAnalysisMetrics metrics,
    ILogContext logContext,
    IOptions<AnalysisTimingOptions> timing,
    TimeProvider clock,
    ILogger<DispatchApplicationCommandHandler> logger)
{
    private const int MaxSaveAttempts = 5;

    public static bool IsOwedBy(JobApplication application, string key) =>
        application.Status == ApplicationStatus.Queued && application.DispatchIdempotencyKey == key;

    /// <summary>The job ids of an accepted dispatch as the logs carry them.</summary>
    public static string JobIdsOf(DispatchAnswer.Accepted accepted) => string.Join(',', accepted.Jobs.Select(j => j.JobId));

    /// <summary>Records one answer in a save of its own, on a fresh read.</summary>
    public async ValueTask<DispatchOutcome> RecordAsync(AnsweredDispatch answered, CancellationToken cancellationToken)
    {
        var decided = default(DecidedAnswer);
        await update.RetryAsync(
            MaxSaveAttempts,
            async token =>
            {
                var application = await applications.FindAsync(answered.ApplicationId, token);
                var pending = await queue.FindAsync(answered.Key, token);
                decided = Decide(answered, application, pending);
                return Decision.Save(decided.Outcome);
            },
            attempt => LogSaveConflict(logger, answered.ApplicationId, attempt),
            cancellationToken,
            readFresh: true);
        Report(answered, decided);
        return decided.Outcome;
    }

    /// <summary>
    /// Applies <paramref name="answered"/> to its <paramref name="application"/> and drops its
    /// <paramref name="pending"/> record (either may be gone), for the caller to save; nothing is logged yet.
    /// </summary>
    internal DecidedAnswer Decide(AnsweredDispatch answered, JobApplication? application, PendingDispatch? pending)
    {
        var decided = application is not null && IsOwedBy(application, answered.Key)
            ? Apply(application, answered.Request, answered.Answer)
            : new DecidedAnswer(DispatchOutcome.Obsolete, null);
        if (pending is not null)
        {
            queue.Remove(pending);
        }

        if (decided.Outcome == DispatchOutcome.Failed && answered.Answer is DispatchAnswer.VersionMismatch)
        {
            alerts.Add(new PendingAlert(
                $"version-mismatch:{answered.Key}",
                $":warning: AI backend API version mismatch: application {answered.ApplicationId} could not be dispatched (AppBackend speaks {AnalysisRequestFactory.ApiVersion}).",
                clock.GetUtcNow()));
        }

        return decided;
    }

    /// <summary>After the commit that holds <paramref name="decided"/>: its log line and metrics, with its own ids.</summary>
    internal void Report(AnsweredDispatch answered, DecidedAnswer decided)
    {
        if (decided.Report is null)
        {
            return;
        }

        var jobIds = decided.Outcome == DispatchOutcome.Dispatched && answered.Answer is DispatchAnswer.Accepted accepted ? JobIdsOf(accepted) : null;
        using (logContext.Open(logger, answered.ApplicationId, jobIds))
        {
            decided.Report();
        }
    }

    private DecidedAnswer Apply(JobApplication application, AnalysisRequest request, DispatchAnswer answer)
    {
        var now = clock.GetUtcNow();
        string reason;
        string answered;
        Action report;
        switch (answer)
        {
            case DispatchAnswer.Accepted accepted:
                var jobs = AnalysisRequestFactory.MatchJobs(request.VideoResponses, accepted.Jobs);
                var recorded = jobs is null ? null : application.RecordDispatch(jobs, now, timing.Value.Polls());
                if (recorded is { IsSuccess: true })
                {
                    return new DecidedAnswer(DispatchOutcome.Dispatched, () =>
                    {
                        metrics.AnalysesStarted(jobs!.Count);
                        LogDispatched(logger, application.Id, request.VideoResponses.Count);
                    });
                }

                report = () => LogUnusableAnswer(logger, application.Id, accepted.Jobs.Count, request.VideoResponses.Count);
                reason = FailureReasons.AnalysisCouldNotBeStarted;
                answered = "unusable_job_ids";
                break;
            case DispatchAnswer.Refused refused:
                report = () =>
                {
                    metrics.AiBackendError("rejected");
                    LogRefused(logger, application.Id, refused.StatusCode, refused.ResponseBody);
                };
                reason = FailureReasons.AnalysisCouldNotBeStarted;
                answered = $"refused:{refused.StatusCode}";
                break;
            case DispatchAnswer.VersionMismatch mismatch:
                report = () =>
                {
                    metrics.AiBackendError("version_mismatch");
                    LogVersionMismatch(logger, application.Id, mismatch.ResponseBody);
                };
                reason = FailureReasons.ApiVersionMismatch;
                answered = "version_mismatch:409";
                break;
            case DispatchAnswer.Unavailable unavailable:
                report = () =>
                {
                    metrics.AiBackendError("unavailable");
                    LogUnavailable(logger, application.Id, unavailable.Reason);
                };
                reason = FailureReasons.AiBackendUnavailable;
                answered = "unavailable";
                break;
            case DispatchAnswer.NotSent notSent:
                // Ours, not the AI backend's: an error to fix here, counted and reported as nothing of the AI backend's.
                report = () => LogNotSent(logger, application.Id, notSent.Reason);
                reason = FailureReasons.AnalysisCouldNotBeStarted;
                answered = "not_sent";
                break;
            default:
                throw new InvalidOperationException($"Unknown dispatch answer {answer.GetType().Name}.");
        }

        // What the AI backend answered is reported even when the application no longer takes the failure.
        var outcome = application.RecordDispatchFailure(reason, now, answered).IsSuccess ? DispatchOutcome.Failed : DispatchOutcome.Obsolete;
        return new DecidedAnswer(outcome, report);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} dispatched to the AI backend with {VideoCount} video(s)")]
    private static partial void LogDispatched(ILogger logger, string applicationId, int videoCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "The AI backend accepted application {ApplicationId} but returned {JobCount} job(s) that do not cover the {VideoCount} video(s) sent")]
    private static partial void LogUnusableAnswer(ILogger logger, string applicationId, int jobCount, int videoCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AI backend refused application {ApplicationId} with {StatusCode}: {ResponseBody}")]
    private static partial void LogRefused(ILogger logger, string applicationId, int statusCode, string responseBody);

    [LoggerMessage(Level = LogLevel.Error, Message = "AI backend API version mismatch for application {ApplicationId}: {ResponseBody}")]
    private static partial void LogVersionMismatch(ILogger logger, string applicationId, string responseBody);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AI backend stayed unavailable for application {ApplicationId}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string applicationId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The analysis request of application {ApplicationId} could not be written, so nothing was sent to the AI backend: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string applicationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} changed while its dispatch was being saved (attempt {Attempt}); applying the answer again")]
    private static partial void LogSaveConflict(ILogger logger, string applicationId, int attempt);
}

/// <summary>What <see cref="DispatchRecorder.Decide"/> made of one answer, and what to log and count once it is committed.</summary>
internal readonly record struct DecidedAnswer(DispatchOutcome Outcome, Action? Report);
