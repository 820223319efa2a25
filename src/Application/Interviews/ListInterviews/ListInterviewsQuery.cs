using AppBackend.Application.Common.Paging;
using Mediator;

namespace AppBackend.Application.Interviews.ListInterviews;

public sealed record ListInterviewsQuery(int Limit = PageCursor.DefaultLimit, string? Cursor = null)
    : IQuery<Page<InterviewView>>;
