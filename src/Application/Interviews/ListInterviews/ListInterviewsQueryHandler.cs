using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.Interviews.ListInterviews;

public sealed class ListInterviewsQueryHandler(IInterviewQueries queries, ICurrentUser user, IMapper mapper)
    : IQueryHandler<ListInterviewsQuery, Page<InterviewView>>
{
    public async ValueTask<Page<InterviewView>> Handle(ListInterviewsQuery query, CancellationToken cancellationToken)
    {
        PageCursor.TryDecode(query.Cursor, out var after);
        var rows = await queries.ListAsync(user.ScopeOf(), after, query.Limit + 1, cancellationToken);
        return PageCursor.ToPage(rows, query.Limit, i => new PageCursor(i.CreatedAt, i.Id), mapper.Map<InterviewView>);
    }
}
