using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>
/// Sends one owed dispatch (identified by its idempotency key) to the AI backend and records the outcome.
/// Run by the dispatch worker after it claims the dispatch, and by the admin tool.
/// </summary>
public sealed record DispatchApplicationCommand(string IdempotencyKey) : ICommand<Result<DispatchOutcome>>, IApplicationMessage
{
    public string ApplicationId => JobApplication.ApplicationIdOfDispatchKey(IdempotencyKey);
}
