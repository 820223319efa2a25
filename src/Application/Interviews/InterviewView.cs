namespace AppBackend.Application.Interviews;

/// <summary>An interview as the API shows it (contract section 1).</summary>
public sealed record InterviewView(string Id, string Title, IReadOnlyList<QuestionView> Questions, DateTimeOffset CreatedAt);
