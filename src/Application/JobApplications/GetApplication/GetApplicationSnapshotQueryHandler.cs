using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplication;

public sealed class GetApplicationSnapshotQueryHandler(IJobApplicationQueries queries, ICurrentUser user, IMapper mapper)
    : IQueryHandler<GetApplicationSnapshotQuery, Result<ApplicationSnapshot>>
{
    public async ValueTask<Result<ApplicationSnapshot>> Handle(GetApplicationSnapshotQuery query, CancellationToken cancellationToken)
    {
        var application = await queries.FindAsync(query.ApplicationId, cancellationToken);
        if (application is null || !user.CanAccess(application))
        {
            return JobApplicationErrors.NotFound(query.ApplicationId);
        }

        return new ApplicationSnapshot(application.Version, mapper.Map<JobApplicationView>(application));
    }
}
