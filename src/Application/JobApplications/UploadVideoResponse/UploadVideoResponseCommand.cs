using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.UploadVideoResponse;

/// <summary>
/// Answers one question with a video file AppBackend stores itself. <see cref="Video"/> holds the bytes already
/// received and checked (a video container, within the size limit), staged by <see cref="IMediaStore"/>; the
/// caller disposes it, which drops the bytes unless this command committed them.
/// </summary>
public sealed record UploadVideoResponseCommand(string ApplicationId, string? QuestionId, IStagedMedia? Video)
    : ICommand<Result<VideoResponseCreatedView>>, IApplicationMessage;
