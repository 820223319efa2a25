using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.JobApplications.AddVideoResponse;

/// <summary>When the new answer replaces one AppBackend stored itself, that file is removed once the save succeeded.</summary>
public sealed class AddVideoResponseCommandHandler(
    IJobApplicationRepository applications,
    IInterviewRepository interviews,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IMediaStore media,
    IMapper mapper,
    JobApplicationViewPresenter presenter,
    TimeProvider clock,
    ILogger<AddVideoResponseCommandHandler> logger)
    : ICommandHandler<AddVideoResponseCommand, Result<VideoResponseCreatedView>>
{
    public async ValueTask<Result<VideoResponseCreatedView>> Handle(AddVideoResponseCommand command, CancellationToken cancellationToken)
    {
        var application = await applications.FindAccessibleAsync(command.ApplicationId, user, cancellationToken);
        if (application is null)
        {
            return JobApplicationErrors.NotFound(command.ApplicationId);
        }

        var interview = await interviews.GetInterviewOfAsync(application, cancellationToken);
        var added = application.AddVideoResponse(interview, command.QuestionId!, command.VideoUrl!, isStoredUpload: false, clock.GetUtcNow());
        if (added.IsFailure)
        {
            return added.Error;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (added.Value.Replaced is { IsStoredUpload: true } replaced)
        {
            await media.DeleteQuietlyAsync(replaced.Id, logger);
        }

        return presenter.Present(mapper.Map<VideoResponseCreatedView>(added.Value.Added));
    }
}
