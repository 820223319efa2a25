using System.Globalization;
using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.Analysis.AlertStuckJobs;

/// <summary>
/// Marks the job alerted and writes the owed alert in one transaction; the alert's id is the job's, so even two
/// instances deciding at once store only one (the loser's save fails and it moves on).
/// </summary>
public sealed partial class AlertStuckJobsCommandHandler(
    IAnalysisJobQueries jobs,
    IJobApplicationRepository applications,
    IAlertOutbox alerts,
    OptimisticUpdate update,
    IOptions<AnalysisTimingOptions> timing,
    TimeProvider clock,
    ILogger<AlertStuckJobsCommandHandler> logger)
    : ICommandHandler<AlertStuckJobsCommand, int>
{
    private const int BatchSize = 200;

    public static string AlertId(string jobId) => $"stuck-job:{jobId}";

    public async ValueTask<int> Handle(AlertStuckJobsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stuck = await jobs.DueForAlertAsync(now - timing.Value.AlertAfter, BatchSize, cancellationToken);
        var owed = 0;
        foreach (var job in stuck)
        {
            var minutes = await update.FirstWriterWinsAsync(token => DecideAsync(job, now, token), lost: null, cancellationToken);
            if (minutes is not null)
            {
                owed++;
                LogStuck(logger, job.JobId, job.ApplicationId, minutes);
            }
        }

        return owed;
    }

    /// <summary>
    /// Marks the job alerted and owes its alert; the minutes since dispatch when it did, null when nothing is owed.
    /// Losing the save means another instance alerted on it, or the job just finished: nothing is owed from here.
    /// </summary>
    private async ValueTask<Decision<string?>> DecideAsync(AnalysisJobRef job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(job.ApplicationId, cancellationToken);
        var video = application?.FindVideo(job.VideoResponseId);
        if (application is null || video is not { Status: VideoStatus.Processing, AlertedAt: null } || video.JobId != job.JobId)
        {
            return Decision.Answer<string?>(null);
        }

        application.RecordAlert(video.Id, now);
        var minutes = Math.Floor((now - job.DispatchedAt).TotalMinutes).ToString(CultureInfo.InvariantCulture);
        alerts.Add(new PendingAlert(
            AlertId(job.JobId),
            $":hourglass: AI job {job.JobId} has no result {minutes} minutes after dispatch (application {job.ApplicationId}, video response {job.VideoResponseId}).",
            now));
        return Decision.Save<string?>(minutes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} of application {ApplicationId} has no result after {Minutes} minutes; alert owed")]
    private static partial void LogStuck(ILogger logger, string jobId, string applicationId, string minutes);
}
