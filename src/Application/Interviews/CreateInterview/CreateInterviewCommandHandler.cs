using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using MapsterMapper;
using Mediator;

namespace AppBackend.Application.Interviews.CreateInterview;

public sealed class CreateInterviewCommandHandler(
    IInterviewRepository interviews, IUnitOfWork unitOfWork, ICurrentUser user, IMapper mapper, TimeProvider clock)
    : ICommandHandler<CreateInterviewCommand, InterviewView>
{
    public async ValueTask<InterviewView> Handle(CreateInterviewCommand command, CancellationToken cancellationToken)
    {
        var questions = command.Questions!
            .Select(q => new QuestionDraft(q.Text!, q.DurationSeconds, q.AiMetadata.GetRawText(), q.ThinkingSeconds, q.MaxTakes))
            .ToList();
        var interview = Interview.Create(user.OrganizationOf(), command.Title!, questions, clock.GetUtcNow());
        interviews.Add(interview);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return mapper.Map<InterviewView>(interview);
    }
}
