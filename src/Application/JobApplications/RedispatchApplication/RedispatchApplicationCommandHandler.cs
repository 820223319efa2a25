using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Application.JobApplications.DispatchApplication;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.JobApplications.RedispatchApplication;

/// <summary>
/// Runs a queued application's owed dispatch now, never alongside a worker:
/// <list type="number">
/// <item>Only a <c>queued</c> application is owed a dispatch; anything else is refused (Conflict).</item>
/// <item>The owed dispatch is the record under the application's current <c>DispatchIdempotencyKey</c>. Should that
/// record be missing although the application is queued (lost, or removed by hand), it is written again with that
/// same key, so the AI backend's idempotency still recognises an attempt it may already have accepted.</item>
/// <item>The record is leased with the same conditional update the dispatch workers claim with: when a worker holds
/// an unexpired lease, the dispatch is in progress and this is refused (Conflict) rather than sent twice. While this
/// lease lasts, no worker claims it.</item>
/// <item><see cref="DispatchApplicationCommand"/> then sends it and records the outcome exactly as a worker would.</item>
/// </list>
/// </summary>
public sealed partial class RedispatchApplicationCommandHandler(
    IJobApplicationRepository applications,
    IJobApplicationQueries queries,
    IDispatchQueue queue,
    IUnitOfWork unitOfWork,
    ISender sender,
    ICurrentUser user,
    IMapper mapper,
    JobApplicationViewPresenter presenter,
    TimeProvider clock,
    ILogger<RedispatchApplicationCommandHandler> logger)
    : ICommandHandler<RedispatchApplicationCommand, Result<RedispatchReport>>
{
    public async ValueTask<Result<RedispatchReport>> Handle(RedispatchApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await applications.FindAccessibleAsync(command.ApplicationId, user, cancellationToken);
        if (application is null)
        {
            return JobApplicationErrors.NotFound(command.ApplicationId);
        }

        if (application.Status != ApplicationStatus.Queued)
        {
            return Error.Conflict(
                "application.not_queued",
                $"Only a queued application can be dispatched again; application '{application.Id}' is {StatusNames.Of(application.Status)}.");
        }

        var key = application.DispatchIdempotencyKey;
        var pending = await FindOwedAsync(application.Id, key, cancellationToken);
        var recreated = pending is null;
        if (pending is null)
        {
            LogRecreating(logger, application.Id, key);
            queue.Add(new PendingDispatch(key, application.Id, clock.GetUtcNow()));
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        if (!await queue.ClaimAsync(key, command.Owner, now, command.Lease, cancellationToken))
        {
            var until = pending?.LeaseUntil is { } leased && leased >= now ? $" (its lease runs until {leased.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})" : string.Empty;
            return Error.Conflict(
                "dispatch.in_progress",
                $"The dispatch of application '{application.Id}' is in progress: a dispatch worker holds it{until}. Look again once it has finished.");
        }

        // The dispatch reads everything afresh; nothing loaded here may stand in for what the claim just changed.
        unitOfWork.DiscardChanges();
        var dispatched = await sender.Send(new DispatchApplicationCommand(key), cancellationToken);
        if (dispatched.IsFailure)
        {
            return dispatched.Error;
        }

        var after = await queries.FindAsync(application.Id, user.ScopeOf(), cancellationToken)
            ?? throw new InvalidOperationException($"Application '{application.Id}' disappeared while it was dispatched.");
        return new RedispatchReport(dispatched.Value, recreated, presenter.Present(mapper.Map<JobApplicationView>(after)));
    }

    /// <summary>
    /// The record owed under the application's current key. <see cref="IDispatchQueue.FindForApplicationAsync"/> finds
    /// the application's record; one left from an earlier attempt is not the owed one (a worker drops it as obsolete).
    /// </summary>
    private async Task<PendingDispatch?> FindOwedAsync(string applicationId, string key, CancellationToken cancellationToken)
    {
        var found = await queue.FindForApplicationAsync(applicationId, cancellationToken);
        return found is null || found.IdempotencyKey == key ? found : await queue.FindAsync(key, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId} is queued but owed no dispatch; writing the dispatch {IdempotencyKey} again")]
    private static partial void LogRecreating(ILogger logger, string applicationId, string idempotencyKey);
}
