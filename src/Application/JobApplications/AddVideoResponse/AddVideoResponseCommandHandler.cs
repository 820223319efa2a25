using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.AddVideoResponse;

public sealed class AddVideoResponseCommandHandler(
    IJobApplicationRepository applications,
    IInterviewRepository interviews,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IMapper mapper,
    TimeProvider clock)
    : ICommandHandler<AddVideoResponseCommand, Result<VideoResponseCreatedView>>
{
    public async ValueTask<Result<VideoResponseCreatedView>> Handle(AddVideoResponseCommand command, CancellationToken cancellationToken)
    {
        var application = await applications.FindAsync(command.ApplicationId, cancellationToken);
        if (application is null || !user.CanAccess(application))
        {
            return JobApplicationErrors.NotFound(command.ApplicationId);
        }

        var interview = await interviews.FindAsync(application.InterviewId, cancellationToken)
            ?? throw new InvalidOperationException($"Application '{application.Id}' refers to a missing interview.");
        var added = application.AddVideoResponse(interview, command.QuestionId!, command.VideoUrl!, isStoredUpload: false, clock.GetUtcNow());
        if (added.IsFailure)
        {
            return added.Error;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return mapper.Map<VideoResponseCreatedView>(added.Value.Added);
    }
}
