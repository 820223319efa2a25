using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>Runs one owed dispatch the dispatch worker claimed; the work is <see cref="AnalysisDispatcher"/>'s.</summary>
public sealed class DispatchApplicationCommandHandler(AnalysisDispatcher dispatcher)
    : ICommandHandler<DispatchApplicationCommand, Result<DispatchOutcome>>
{
    public ValueTask<Result<DispatchOutcome>> Handle(DispatchApplicationCommand command, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(command.IdempotencyKey, cancellationToken);
}
