using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// A reported result (webhook, admin tool), validated by the pipeline, applied exactly once. Concurrent reports share
/// one transaction (<see cref="AnalysisResultBatchApplier"/>); each is answered after the commit that stored it.
/// </summary>
public sealed class ApplyAnalysisResultCommandHandler(IGroupCommit<AnalysisReport, Result<ResultApplication>> results, IRequestContext work)
    : ICommandHandler<ApplyAnalysisResultCommand, Result<ResultApplication>>
{
    public ValueTask<Result<ResultApplication>> Handle(ApplyAnalysisResultCommand command, CancellationToken cancellationToken) =>
        results.SubmitAsync(command.ToReport(), work.Actor, cancellationToken);
}
