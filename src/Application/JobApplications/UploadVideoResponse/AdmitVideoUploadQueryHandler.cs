using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.JobApplications.UploadVideoResponse;

/// <summary>The access rule and the state rule of <see cref="UploadVideoResponseCommandHandler"/>, without the upload.</summary>
public sealed class AdmitVideoUploadQueryHandler(IJobApplicationRepository applications, ICurrentUser user)
    : IQueryHandler<AdmitVideoUploadQuery, Result>
{
    public async ValueTask<Result> Handle(AdmitVideoUploadQuery query, CancellationToken cancellationToken)
    {
        var application = await applications.FindAccessibleAsync(query.ApplicationId, user, cancellationToken);
        return application is null ? JobApplicationErrors.NotFound(query.ApplicationId) : application.CanAcceptVideos();
    }
}
