using AppBackend.Domain.Common;
using Mediator;

namespace AppBackend.Application.Interviews.GetInterview;

public sealed record GetInterviewQuery(string Id) : IQuery<Result<InterviewView>>;
