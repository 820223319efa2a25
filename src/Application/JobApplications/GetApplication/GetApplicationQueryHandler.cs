using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplication;

/// <summary>
/// One read, narrowed to the caller's scope, for the view alone and for the view with the version it was read at. The view alone
/// goes out to its reader, presented (uploads with signed URLs); the snapshot keeps the stored view, which a signature
/// never changes, so that comparing two snapshots sees only real changes.
/// </summary>
public sealed class GetApplicationQueryHandler(IJobApplicationQueries queries, ICurrentUser user, IMapper mapper, JobApplicationViewPresenter presenter)
    : IQueryHandler<GetApplicationQuery, Result<JobApplicationView>>,
      IQueryHandler<GetApplicationSnapshotQuery, Result<ApplicationSnapshot>>
{
    public async ValueTask<Result<JobApplicationView>> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(query.ApplicationId, cancellationToken);
        return snapshot.IsSuccess ? presenter.Present(snapshot.Value.View) : snapshot.Error;
    }

    public async ValueTask<Result<ApplicationSnapshot>> Handle(GetApplicationSnapshotQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(query.ApplicationId, cancellationToken);

    private async Task<Result<ApplicationSnapshot>> ReadAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await queries.FindVisibleAsync(applicationId, user, cancellationToken);
        if (application is null)
        {
            return JobApplicationErrors.NotFound(applicationId);
        }

        return new ApplicationSnapshot(application.Version, mapper.Map<JobApplicationView>(application));
    }
}
