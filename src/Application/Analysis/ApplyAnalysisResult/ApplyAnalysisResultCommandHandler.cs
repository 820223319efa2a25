using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>A reported result (webhook, admin tool), validated by the pipeline, applied exactly once.</summary>
public sealed class ApplyAnalysisResultCommandHandler(AnalysisResultApplier applier)
    : ICommandHandler<ApplyAnalysisResultCommand, Result<ResultApplication>>
{
    public ValueTask<Result<ResultApplication>> Handle(ApplyAnalysisResultCommand command, CancellationToken cancellationToken) =>
        applier.ApplyAsync(command.ToReport(), cancellationToken);
}
