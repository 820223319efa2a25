using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// Applies a result exactly once. Racing deliveries (two instances, or the webhook and the poller) meet at the
/// aggregate's version check: the loser reads again and finds the video final, so it answers <c>duplicate</c>.
/// </summary>
public sealed partial class ApplyAnalysisResultCommandHandler(
    IJobApplicationRepository applications,
    IUnitOfWork unitOfWork,
    IAnalysisMetrics metrics,
    ILogContext logContext,
    TimeProvider clock,
    ILogger<ApplyAnalysisResultCommandHandler> logger)
    : ICommandHandler<ApplyAnalysisResultCommand, Result<ResultApplication>>
{
    /// <summary>Each round of a race lets at least one writer through, so this covers many simultaneous deliveries.</summary>
    private const int MaxAttempts = 16;

    public async ValueTask<Result<ResultApplication>> Handle(ApplyAnalysisResultCommand command, CancellationToken cancellationToken)
    {
        var report = new AnalysisReport(
            command.JobId!,
            command.VideoResponseId,
            command.Status == ApplyAnalysisResultCommandValidator.Done ? AnalysisOutcome.Done : AnalysisOutcome.Failed,
            command.OverallScore,
            command.AiAnalysisId,
            command.Error);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    unitOfWork.DiscardChanges();
                }

                var application = await applications.FindByJobIdAsync(report.JobId, cancellationToken)
                    ?? (report.VideoResponseId is null ? null : await applications.FindByVideoResponseIdAsync(report.VideoResponseId, cancellationToken));
                if (application is null)
                {
                    return JobApplicationErrors.JobNotFound(report.JobId);
                }

                logContext.Set("applicationId", application.Id);
                var now = clock.GetUtcNow();
                var applied = application.ApplyAnalysisResult(report, now);
                if (applied.IsSuccess && applied.Value == ResultApplication.Applied)
                {
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    var dispatchedAt = application.VideoResponses.FirstOrDefault(v => v.JobId == report.JobId)?.DispatchedAt;
                    metrics.AnalysisFinished(report.Outcome == AnalysisOutcome.Done, now - dispatchedAt);
                    LogApplied(logger, application.Id, report.JobId, command.Status!, StatusNames.Of(application.Status));
                }

                return applied;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                LogRace(logger, report.JobId, attempt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Result {Outcome} of job {JobId} applied to application {ApplicationId}, now {Status}")]
    private static partial void LogApplied(ILogger logger, string applicationId, string jobId, string outcome, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId}'s result raced another writer (attempt {Attempt}); reading again")]
    private static partial void LogRace(ILogger logger, string jobId, int attempt);
}
