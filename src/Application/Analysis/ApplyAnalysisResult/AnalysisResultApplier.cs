using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// Applies a result exactly once, whoever reports it (the webhook, the poller, the admin tool). Racing deliveries
/// meet at the aggregate's version check: the loser reads again and finds the video final, so it answers
/// <c>duplicate</c>. It reads afresh even on the first attempt: whatever the caller loaded before (the poller's claim)
/// may already be stale. Logs as the use case it is part of.
/// </summary>
public sealed partial class AnalysisResultApplier(
    IJobApplicationRepository applications,
    OptimisticUpdate update,
    IAnalysisMetrics metrics,
    DoneJobs doneJobs,
    ILogContext logContext,
    TimeProvider clock,
    ILogger<ApplyAnalysisResultCommandHandler> logger)
{
    /// <summary>Each round of a race lets at least one writer through, so this covers many simultaneous deliveries.</summary>
    private const int MaxAttempts = 16;

    public async ValueTask<Result<ResultApplication>> ApplyAsync(AnalysisReport report, CancellationToken cancellationToken)
    {
        JobApplication? application = null;
        var now = clock.GetUtcNow();
        var applied = await update.RetryAsync(
            MaxAttempts,
            async token =>
            {
                application = await applications.FindByJobIdAsync(report.JobId, token)
                    ?? (report.VideoResponseId is null ? null : await applications.FindByVideoResponseIdAsync(report.VideoResponseId, token));
                if (application is null)
                {
                    return Decision.Answer<Result<ResultApplication>>(JobApplicationErrors.JobNotFound(report.JobId));
                }

                logContext.Set("applicationId", application.Id);
                now = clock.GetUtcNow();
                var result = application.ApplyAnalysisResult(report, now);
                return result is { IsSuccess: true, Value: ResultApplication.Applied } ? Decision.Save(result) : Decision.Answer(result);
            },
            attempt => LogRace(logger, report.JobId, attempt),
            cancellationToken,
            readFresh: true);

        if (applied is { IsSuccess: true, Value: ResultApplication.Applied } && application is not null)
        {
            Record(application, report, now);
        }
        else if (applied is { IsSuccess: true, Value: ResultApplication.Duplicate } && application is not null)
        {
            RecordDuplicate(application, report);
        }

        return applied;
    }

    /// <summary>
    /// A result its batch could not decide (<see cref="AnalysisResultBatchApplier"/>), applied on its own. The batch
    /// runs in a scope of its own, not the callback's request, so the logging scope of the result's job (and of its
    /// application once found) is opened here, as <see cref="RecordInBatch"/> does for the batch's own.
    /// </summary>
    internal async ValueTask<Result<ResultApplication>> ApplyAloneInBatchAsync(AnalysisReport report, CancellationToken cancellationToken)
    {
        using (logContext.Open(logger, applicationId: null, report.JobId))
        {
            return await ApplyAsync(report, cancellationToken);
        }
    }

    /// <summary>
    /// After a batch's commit (<see cref="AnalysisResultBatchApplier"/>): what <see cref="ApplyAsync"/> records for one
    /// applied result, in a logging scope of the result's own ids.
    /// </summary>
    internal void RecordInBatch(JobApplication application, AnalysisReport report, DateTimeOffset now)
    {
        using (logContext.Open(logger, application.Id, report.JobId))
        {
            Record(application, report, now);
        }
    }

    /// <summary>A duplicate found on a read (here, or by the batch): <paramref name="application"/> is as stored.</summary>
    internal void RecordDuplicate(JobApplication application, AnalysisReport report) => doneJobs.RememberIfDone(application, report.JobId);

    private void Record(JobApplication application, AnalysisReport report, DateTimeOffset now)
    {
        doneJobs.RememberIfDone(application, report.JobId);
        var dispatchedAt = application.VideoResponses.FirstOrDefault(v => v.JobId == report.JobId)?.DispatchedAt;
        metrics.AnalysisFinished(report.Outcome == AnalysisOutcome.Done, now - dispatchedAt);
        LogApplied(logger, application.Id, report.JobId, StatusNames.Of(report.Outcome), StatusNames.Of(application.Status));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Result {Outcome} of job {JobId} applied to application {ApplicationId}, now {Status}")]
    private static partial void LogApplied(ILogger logger, string applicationId, string jobId, string outcome, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId}'s result raced another writer (attempt {Attempt}); reading again")]
    private static partial void LogRace(ILogger logger, string jobId, int attempt);
}
