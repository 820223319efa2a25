using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplication;

public sealed class GetApplicationQueryHandler(IJobApplicationQueries queries, ICurrentUser user, IMapper mapper)
    : IQueryHandler<GetApplicationQuery, Result<JobApplicationView>>
{
    public async ValueTask<Result<JobApplicationView>> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var application = await queries.FindAsync(query.ApplicationId, cancellationToken);
        if (application is null || !user.CanAccess(application))
        {
            return JobApplicationErrors.NotFound(query.ApplicationId);
        }

        return mapper.Map<JobApplicationView>(application);
    }
}
