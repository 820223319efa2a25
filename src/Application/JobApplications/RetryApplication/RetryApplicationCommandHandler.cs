using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.RetryApplication;

/// <summary>dispatch_failed | analysis_failed → queued, and a new dispatch attempt recorded in the same transaction.</summary>
public sealed class RetryApplicationCommandHandler(
    IJobApplicationRepository applications,
    IDispatchQueue outbox,
    IDispatchWakeUp dispatchWakeUp,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IMapper mapper,
    JobApplicationViewPresenter presenter,
    TimeProvider clock)
    : ICommandHandler<RetryApplicationCommand, Result<JobApplicationView>>
{
    public async ValueTask<Result<JobApplicationView>> Handle(RetryApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await applications.FindAccessibleAsync(command.ApplicationId, user, cancellationToken);
        if (application is null)
        {
            return JobApplicationErrors.NotFound(command.ApplicationId);
        }

        var now = clock.GetUtcNow();
        var retried = application.Retry(now);
        if (retried.IsFailure)
        {
            return retried.Error;
        }

        outbox.Add(new PendingDispatch(application.DispatchIdempotencyKey, application.Id, now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        dispatchWakeUp.DispatchOwed();
        return presenter.Present(mapper.Map<JobApplicationView>(application));
    }
}
