using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.AddVideoResponse;

/// <summary>Answers one question with a video that already lives at <see cref="VideoUrl"/>.</summary>
public sealed record AddVideoResponseCommand(string ApplicationId, string? QuestionId, string? VideoUrl)
    : ICommand<Result<VideoResponseCreatedView>>, IApplicationMessage;
