using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.JobApplications;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.JobApplications.ListApplications;

/// <summary>A recruiter sees every application of his organization, a candidate only his own, the admin tool all of them.</summary>
public sealed class ListApplicationsQueryHandler(IJobApplicationQueries queries, ICurrentUser user, IMapper mapper, JobApplicationViewPresenter presenter, TimeProvider clock)
    : IQueryHandler<ListApplicationsQuery, Page<JobApplicationView>>
{
    public async ValueTask<Page<JobApplicationView>> Handle(ListApplicationsQuery query, CancellationToken cancellationToken)
    {
        PageCursor.TryDecode(query.Cursor, out var after);
        ApplicationStatus? status = query.Status is not null && StatusNames.TryParse(query.Status, out var parsed) ? parsed : null;
        DateTimeOffset? updatedBefore = query.NotUpdatedFor is { } quiet ? clock.GetUtcNow() - quiet : null;
        var filter = new JobApplicationFilter(query.InterviewId, status, query.OrganizationId, updatedBefore);
        var rows = await queries.ListAsync(user.ScopeOf(), filter, after, query.Limit + 1, cancellationToken);
        return presenter.Present(PageCursor.ToPage(rows, query.Limit, a => new PageCursor(a.CreatedAt, a.Id), mapper.Map<JobApplicationView>));
    }
}
