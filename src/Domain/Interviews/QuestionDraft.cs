namespace AppBackend.Domain.Interviews;

/// <summary>What a recruiter supplies for a question; the interview gives it an id.</summary>
public sealed record QuestionDraft(string Text, int DurationSeconds, string AiMetadataJson);
