using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using Mediator;

namespace AppBackend.Application.JobApplications.GetApplicationHistory;

public sealed class GetApplicationHistoryQueryHandler(IJobApplicationQueries applications, IApplicationEventQueries events, ICurrentUser user)
    : IQueryHandler<GetApplicationHistoryQuery, Result<ApplicationHistoryView>>
{
    public async ValueTask<Result<ApplicationHistoryView>> Handle(GetApplicationHistoryQuery query, CancellationToken cancellationToken)
    {
        if (await applications.FindVisibleAsync(query.ApplicationId, user, cancellationToken) is null)
        {
            return JobApplicationErrors.NotFound(query.ApplicationId);
        }

        return new ApplicationHistoryView(await events.HistoryAsync(query.ApplicationId, cancellationToken));
    }
}
