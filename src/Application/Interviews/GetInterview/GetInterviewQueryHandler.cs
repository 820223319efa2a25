using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.Interviews.GetInterview;

public sealed class GetInterviewQueryHandler(IInterviewQueries queries, ICurrentUser user, IMapper mapper)
    : IQueryHandler<GetInterviewQuery, Result<InterviewView>>
{
    public async ValueTask<Result<InterviewView>> Handle(GetInterviewQuery query, CancellationToken cancellationToken)
    {
        var interview = await queries.FindAsync(query.Id, user.ScopeOf(), cancellationToken);
        return interview is null ? InterviewErrors.NotFound(query.Id) : mapper.Map<InterviewView>(interview);
    }
}
