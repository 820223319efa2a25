using AppBackend.Application.Common.Dispatching;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.SubmitApplication;

/// <summary>draft → queued, and the owed dispatch recorded in the same transaction.</summary>
public sealed class SubmitApplicationCommandHandler(
    IJobApplicationRepository applications,
    IInterviewRepository interviews,
    IDispatchQueue outbox,
    IDispatchWakeUp dispatchWakeUp,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IMapper mapper,
    JobApplicationViewPresenter presenter,
    TimeProvider clock)
    : ICommandHandler<SubmitApplicationCommand, Result<JobApplicationView>>
{
    public async ValueTask<Result<JobApplicationView>> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await applications.FindAccessibleAsync(command.ApplicationId, user, cancellationToken);
        if (application is null)
        {
            return JobApplicationErrors.NotFound(command.ApplicationId);
        }

        var interview = await interviews.GetInterviewOfAsync(application, cancellationToken);
        var now = clock.GetUtcNow();
        var submitted = application.Submit(interview, now);
        if (submitted.IsFailure)
        {
            return submitted.Error;
        }

        outbox.Add(new PendingDispatch(application.DispatchIdempotencyKey, application.Id, now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        dispatchWakeUp.DispatchOwed();
        return presenter.Present(mapper.Map<JobApplicationView>(application));
    }
}
