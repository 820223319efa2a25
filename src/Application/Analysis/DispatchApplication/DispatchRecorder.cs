using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Concurrency;
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
/// record, and owes an alert for a version mismatch, all in one save. Only the save is repeated when a concurrent
/// writer (a callback that beat it) changed the application: the answer is re-applied to a fresh read, never
/// re-requested. Logs as the use case it is part of.
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

    public ValueTask<DispatchOutcome> RecordAsync(
        string key, string applicationId, AnalysisRequest request, DispatchAnswer answer, CancellationToken cancellationToken) =>
        update.RetryAsync(
            MaxSaveAttempts,
            async token =>
            {
                var application = await applications.FindAsync(applicationId, token);
                var pending = await queue.FindAsync(key, token);
                var outcome = application is not null && IsOwedBy(application, key)
                    ? Apply(application, request, answer)
                    : DispatchOutcome.Obsolete;
                if (pending is not null)
                {
                    queue.Remove(pending);
                }

                if (outcome == DispatchOutcome.Failed && answer is DispatchAnswer.VersionMismatch)
                {
                    alerts.Add(new PendingAlert(
                        $"version-mismatch:{key}",
                        $":warning: AI backend API version mismatch: application {applicationId} could not be dispatched (AppBackend speaks {AnalysisRequestFactory.ApiVersion}).",
                        clock.GetUtcNow()));
                }

                return Decision.Save(outcome);
            },
            attempt => LogSaveConflict(logger, applicationId, attempt),
            cancellationToken);

    private DispatchOutcome Apply(JobApplication application, AnalysisRequest request, DispatchAnswer answer)
    {
        var now = clock.GetUtcNow();
        string reason;
        string answered;
        switch (answer)
        {
            case DispatchAnswer.Accepted accepted:
                var jobs = AnalysisRequestFactory.MatchJobs(request.VideoResponses, accepted.Jobs);
                var recorded = jobs is null ? null : application.RecordDispatch(jobs, now, timing.Value.Polls());
                if (recorded is { IsSuccess: true })
                {
                    logContext.Set("jobId", string.Join(',', jobs!.Select(j => j.JobId)));
                    metrics.AnalysesStarted(jobs!.Count);
                    LogDispatched(logger, application.Id, request.VideoResponses.Count);
                    return DispatchOutcome.Dispatched;
                }

                LogUnusableAnswer(logger, application.Id, accepted.Jobs.Count, request.VideoResponses.Count);
                reason = FailureReasons.AnalysisCouldNotBeStarted;
                answered = "unusable_job_ids";
                break;
            case DispatchAnswer.Refused refused:
                metrics.AiBackendError("rejected");
                LogRefused(logger, application.Id, refused.StatusCode, refused.ResponseBody);
                reason = FailureReasons.AnalysisCouldNotBeStarted;
                answered = $"refused:{refused.StatusCode}";
                break;
            case DispatchAnswer.VersionMismatch mismatch:
                metrics.AiBackendError("version_mismatch");
                LogVersionMismatch(logger, application.Id, mismatch.ResponseBody);
                reason = FailureReasons.ApiVersionMismatch;
                answered = "version_mismatch:409";
                break;
            case DispatchAnswer.Unavailable unavailable:
                metrics.AiBackendError("unavailable");
                LogUnavailable(logger, application.Id, unavailable.Reason);
                reason = FailureReasons.AiBackendUnavailable;
                answered = "unavailable";
                break;
            case DispatchAnswer.NotSent notSent:
                // Ours, not the AI backend's: an error to fix here, counted and reported as nothing of the AI backend's.
                LogNotSent(logger, application.Id, notSent.Reason);
                reason = FailureReasons.AnalysisCouldNotBeStarted;
                answered = "not_sent";
                break;
            default:
                throw new InvalidOperationException($"Unknown dispatch answer {answer.GetType().Name}.");
        }

        var failed = application.RecordDispatchFailure(reason, now, answered);
        return failed.IsSuccess ? DispatchOutcome.Failed : DispatchOutcome.Obsolete;
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
