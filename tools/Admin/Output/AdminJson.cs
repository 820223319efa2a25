using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppBackend.Admin.Output;

/// <summary>
/// The JSON of <c>--json</c>: the API's camelCase shapes and timestamps; enums as camelCase strings. Non-ASCII text is
/// written as it is (not <c>\u</c>-escaped), since it goes to a terminal or a script, never into HTML.
/// </summary>
public static class AdminJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcDateTimeOffsetConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Task WriteAsync<T>(TextWriter writer, T value) =>
        writer.WriteLineAsync(JsonSerializer.Serialize(value, Options));
}
