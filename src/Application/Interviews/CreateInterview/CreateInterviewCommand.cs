using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Mediator;

namespace AppBackend.Application.Interviews.CreateInterview;

public sealed record CreateInterviewCommand(string? Title, IReadOnlyList<CreateInterviewQuestion>? Questions)
    : ICommand<InterviewView>;

/// <summary>One question as the recruiter writes it. The attributes describe the rules in the OpenAPI document; the validator enforces them.</summary>
public sealed record CreateInterviewQuestion(
    string? Text,
    int DurationSeconds,
    JsonElement AiMetadata,
    [property: Range(0, 600), Description(QuestionDescriptions.ThinkingSeconds)] int? ThinkingSeconds = null,
    [property: Range(1, 10), Description(QuestionDescriptions.MaxTakes)] int? MaxTakes = null);
