using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.JobApplications.UploadVideoResponse;

/// <summary>
/// The rules are those of a video given by URL (the aggregate's). Order matters for the files: the new file is
/// committed before the save, removed again if the save fails, and the file of a replaced answer is removed only
/// once the save has succeeded, so that the stored answers always have their files.
/// </summary>
public sealed partial class UploadVideoResponseCommandHandler(
    IJobApplicationRepository applications,
    IInterviewRepository interviews,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    IMediaStore media,
    IMapper mapper,
    JobApplicationViewPresenter presenter,
    TimeProvider clock,
    ILogger<UploadVideoResponseCommandHandler> logger)
    : ICommandHandler<UploadVideoResponseCommand, Result<VideoResponseCreatedView>>
{
    public async ValueTask<Result<VideoResponseCreatedView>> Handle(UploadVideoResponseCommand command, CancellationToken cancellationToken)
    {
        var application = await applications.FindAccessibleAsync(command.ApplicationId, user, cancellationToken);
        if (application is null)
        {
            return JobApplicationErrors.NotFound(command.ApplicationId);
        }

        var interview = await interviews.GetInterviewOfAsync(application, cancellationToken);
        var added = application.AddStoredVideoResponse(interview, command.QuestionId!, MediaPaths.For, clock.GetUtcNow());
        if (added.IsFailure)
        {
            return added.Error;
        }

        var video = added.Value.Added;
        await media.CommitAsync(command.Video!, video.Id, cancellationToken);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // The answer was not stored, so its file must not stay either.
            await media.DeleteQuietlyAsync(video.Id, logger);
            throw;
        }

        LogStored(logger, video.Id, application.Id, command.Video!.Length, command.Video.ContentType);
        if (added.Value.Replaced is { IsStoredUpload: true } replaced)
        {
            await media.DeleteQuietlyAsync(replaced.Id, logger);
        }

        return presenter.Present(mapper.Map<VideoResponseCreatedView>(video));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored video {VideoResponseId} of application {ApplicationId}: {Length} bytes of {ContentType}")]
    private static partial void LogStored(ILogger logger, string videoResponseId, string applicationId, long length, string contentType);
}
