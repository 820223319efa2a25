namespace AppBackend.Application.Interviews;

/// <summary>An interview as the API shows it (contract section 1), with the organization it belongs to (section 4).</summary>
public sealed record InterviewView(string Id, string OrganizationId, string Title, IReadOnlyList<QuestionView> Questions, DateTimeOffset CreatedAt);
