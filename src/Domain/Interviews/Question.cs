namespace AppBackend.Domain.Interviews;

/// <summary>One interview question. <see cref="AiMetadataJson"/> is a JSON object the AI backend needs verbatim.</summary>
public sealed class Question
{
    private Question()
    {
    }

    internal Question(string id, int position, string text, int durationSeconds, string aiMetadataJson)
    {
        Id = id;
        Position = position;
        Text = text;
        DurationSeconds = durationSeconds;
        AiMetadataJson = aiMetadataJson;
    }

    public string Id { get; private set; } = string.Empty;

    /// <summary>Zero-based order within the interview (storage does not keep list order by itself).</summary>
    public int Position { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public int DurationSeconds { get; private set; }

    public string AiMetadataJson { get; private set; } = "{}";
}
