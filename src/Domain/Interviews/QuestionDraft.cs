namespace AppBackend.Domain.Interviews;

/// <summary>
/// What a recruiter supplies for a question; the interview gives it an id. <see cref="ThinkingSeconds"/> and
/// <see cref="MaxTakes"/> are optional: null is unlimited.
/// </summary>
public sealed record QuestionDraft(string Text, int DurationSeconds, string AiMetadataJson, int? ThinkingSeconds = null, int? MaxTakes = null);
