using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.JobApplications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.Analysis.PollAnalysisJobs;

/// <summary>
/// Several instances may poll at once: each job is first claimed by recording the poll on its application (the
/// version check lets one instance through), and a final answer goes through the same
/// <see cref="AnalysisResultApplier"/> as the webhook's, which applies it exactly once whoever else reports it.
/// </summary>
public sealed partial class PollAnalysisJobsCommandHandler(
    IAnalysisJobQueries jobs,
    IJobApplicationRepository applications,
    IAnalysisBackend backend,
    OptimisticUpdate update,
    PolledAnswer answers,
    AnalysisResultApplier applier,
    IAnalysisMetrics metrics,
    ILogContext logContext,
    IOptions<AnalysisTimingOptions> timing,
    TimeProvider clock,
    ILogger<PollAnalysisJobsCommandHandler> logger)
    : ICommandHandler<PollAnalysisJobsCommand, PollReport>
{
    private const int BatchSize = 200;

    public async ValueTask<PollReport> Handle(PollAnalysisJobsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<AnalysisJobRef> due = command.JobId is null
            ? await jobs.DueForPollAsync(now, BatchSize, cancellationToken)
            : await jobs.FindInFlightAsync(command.JobId, cancellationToken) is { } one ? [one] : [];
        var dueOnly = command.JobId is null;

        var asked = 0;
        var applied = 0;
        foreach (var job in due)
        {
            if (!await ClaimAsync(job, now, dueOnly, cancellationToken))
            {
                continue;
            }

            JobStatusReport? report;
            try
            {
                report = await backend.GetJobStatusAsync(job.JobId, cancellationToken);
                asked++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
            {
                metrics.AiBackendError("poll_failed");
                LogPollFailed(logger, job.JobId, job.ApplicationId, ex.Message);
                continue;
            }

            if (!PolledAnswer.IsFinal(report))
            {
                LogStillRunning(logger, job.JobId, job.ApplicationId, report?.Status ?? "unknown");
                continue;
            }

            if (await ApplyAsync(job, report!, cancellationToken))
            {
                applied++;
            }
        }

        return new PollReport(asked, applied);
    }

    /// <summary>
    /// Records the poll, which moves the job's next poll on; false when the job is no longer in flight, or (with
    /// <paramref name="dueOnly"/>) no longer due because another instance asked about it since it was selected, or when
    /// another instance claims it at the same time (the version check lets one through).
    /// </summary>
    private ValueTask<bool> ClaimAsync(AnalysisJobRef job, DateTimeOffset now, bool dueOnly, CancellationToken cancellationToken) =>
        update.FirstWriterWinsAsync(
            async token =>
            {
                var application = await applications.FindAsync(job.ApplicationId, token);
                var video = application?.FindVideo(job.VideoResponseId);
                if (application is null || video is not { Status: VideoStatus.Processing } || video.JobId != job.JobId
                    || (dueOnly && !video.IsPollDue(now)))
                {
                    return Decision.Answer(false);
                }

                application.RecordPoll(video.Id, now, timing.Value.Polls());
                return Decision.Save(true);
            },
            lost: false,
            cancellationToken);

    /// <summary>Applies a final answer in the job's own logging scope, as a result reported to the webhook would be.</summary>
    private async Task<bool> ApplyAsync(AnalysisJobRef job, JobStatusReport answer, CancellationToken cancellationToken)
    {
        using (logContext.Open(logger, applicationId: null, job.JobId))
        {
            var report = answers.ToReport(job, answer);
            if (report.IsFailure)
            {
                LogUnusableAnswer(logger, job.JobId, job.ApplicationId, report.Error.Description);
                return false;
            }

            var result = await applier.ApplyAsync(report.Value, cancellationToken);
            return result is { IsSuccess: true, Value: ResultApplication.Applied };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling job {JobId} of application {ApplicationId} failed: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string jobId, string applicationId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} of application {ApplicationId} is still {Status}")]
    private static partial void LogStillRunning(ILogger logger, string jobId, string applicationId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "The AI backend's answer for job {JobId} of application {ApplicationId} is unusable: {Reason}")]
    private static partial void LogUnusableAnswer(ILogger logger, string jobId, string applicationId, string reason);
}
