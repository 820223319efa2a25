using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// A reported result (webhook, admin tool), validated by the pipeline, applied exactly once. Concurrent reports share
/// one transaction (<see cref="AnalysisResultBatchApplier"/>); each is answered after the commit that stored it. A
/// redelivery for a job known to be done is a duplicate at once (<see cref="DoneJobs"/>): nothing can change it now.
/// </summary>
public sealed class ApplyAnalysisResultCommandHandler(
    IGroupCommit<AnalysisReport, Result<ResultApplication>> results,
    DoneJobs doneJobs,
    IRequestContext work)
    : ICommandHandler<ApplyAnalysisResultCommand, Result<ResultApplication>>
{
    public ValueTask<Result<ResultApplication>> Handle(ApplyAnalysisResultCommand command, CancellationToken cancellationToken)
    {
        var report = command.ToReport();
        return doneJobs.Contains(report.JobId)
            ? ValueTask.FromResult<Result<ResultApplication>>(ResultApplication.Duplicate)
            : results.SubmitAsync(report, work.Actor, cancellationToken);
    }
}
