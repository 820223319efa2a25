namespace AppBackend.Application.Interviews;

/// <summary>What the optional per-question settings mean, as the OpenAPI document says it (contract section 1).</summary>
internal static class QuestionDescriptions
{
    public const string ThinkingSeconds =
        "Seconds the candidate has to read the question and prepare before recording starts by itself (0-600). " +
        "Absent or null: unlimited. Not sent to the AI backend.";

    public const string MaxTakes =
        "How many times the candidate may record this answer (1-10); a replacement past it is refused with 409 " +
        "application.takes_exhausted. Re-recording a video whose analysis failed never counts. Absent or null: unlimited. " +
        "Not sent to the AI backend.";

    public const string Takes =
        "How many times the candidate recorded this answer, this one included: 1 for the first, one more per replacement " +
        "while the application is draft; re-recording a video whose analysis failed never counts as a take.";
}
