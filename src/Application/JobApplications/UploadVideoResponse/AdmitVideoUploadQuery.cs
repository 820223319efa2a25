using AppBackend.Application.Common.Logging;
using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.JobApplications.UploadVideoResponse;

/// <summary>
/// Asked before the first byte of an upload is read: may the caller add a video to this application now? A refusal
/// (404 for an application he may not see, 409 for one that takes no videos) costs the caller no upload.
/// </summary>
public sealed record AdmitVideoUploadQuery(string ApplicationId) : IQuery<Result>, IApplicationMessage;
