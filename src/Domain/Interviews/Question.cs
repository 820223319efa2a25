namespace AppBackend.Domain.Interviews;

/// <summary>
/// One interview question. <see cref="AiMetadataJson"/> is a JSON object the AI backend needs verbatim; the think
/// time and the number of takes are the candidate's (the AI backend never sees them).
/// </summary>
public sealed class Question
{
    private Question()
    {
    }

    internal Question(string id, int position, QuestionDraft draft)
    {
        Id = id;
        Position = position;
        Text = draft.Text;
        DurationSeconds = draft.DurationSeconds;
        AiMetadataJson = draft.AiMetadataJson;
        ThinkingSeconds = draft.ThinkingSeconds;
        MaxTakes = draft.MaxTakes;
    }

    public string Id { get; private set; } = string.Empty;

    /// <summary>Zero-based order within the interview (storage does not keep list order by itself).</summary>
    public int Position { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public int DurationSeconds { get; private set; }

    public string AiMetadataJson { get; private set; } = "{}";

    /// <summary>Time to read and prepare before recording starts by itself; null is unlimited.</summary>
    public int? ThinkingSeconds { get; private set; }

    /// <summary>How many times the candidate may record this answer; null is unlimited.</summary>
    public int? MaxTakes { get; private set; }
}
