using System.ComponentModel;
using System.Text.Json;

namespace AppBackend.Application.Interviews;

public sealed record QuestionView(
    string Id,
    string Text,
    int DurationSeconds,
    JsonElement AiMetadata,
    [property: Description(QuestionDescriptions.ThinkingSeconds)] int? ThinkingSeconds,
    [property: Description(QuestionDescriptions.MaxTakes)] int? MaxTakes);
