using System.Text.Json;
using Mediator;

namespace AppBackend.Application.Interviews.CreateInterview;

public sealed record CreateInterviewCommand(string? Title, IReadOnlyList<CreateInterviewQuestion>? Questions)
    : ICommand<InterviewView>;

public sealed record CreateInterviewQuestion(string? Text, int DurationSeconds, JsonElement AiMetadata);
