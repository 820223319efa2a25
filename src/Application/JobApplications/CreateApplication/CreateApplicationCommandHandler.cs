using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.CreateApplication;

public sealed class CreateApplicationCommandHandler(
    IInterviewRepository interviews,
    IJobApplicationRepository applications,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IMapper mapper,
    JobApplicationViewPresenter presenter,
    TimeProvider clock)
    : ICommandHandler<CreateApplicationCommand, Result<JobApplicationView>>
{
    public async ValueTask<Result<JobApplicationView>> Handle(CreateApplicationCommand command, CancellationToken cancellationToken)
    {
        var interview = await interviews.FindAccessibleAsync(command.InterviewId!, user, cancellationToken);
        if (interview is null)
        {
            return InterviewErrors.NotFound(command.InterviewId!);
        }

        var input = command.Candidate!;
        var candidate = new Candidate(input.FullName!, input.Email!, input.Phone, input.CvUrl);
        var application = JobApplication.Create(interview, user.Subject, candidate, clock.GetUtcNow());
        applications.Add(application);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return presenter.Present(mapper.Map<JobApplicationView>(application));
    }
}
