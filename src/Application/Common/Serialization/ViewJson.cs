using System.Text.Encodings.Web;
using System.Text.Json;

namespace AppBackend.Application.Common.Serialization;

/// <summary>
/// The JSON of every view AppBackend shows (the WebApi's responses, the event log's stored views and details): web
/// defaults (camelCase), UTC timestamps to the millisecond, and non-ASCII text as it is (ASP.NET Core's own choice for
/// JSON responses), so a view stored in the log reads exactly as <c>GET</c> returns it.
/// </summary>
public static class ViewJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the view settings to options made elsewhere (the WebApi's <c>JsonOptions</c>).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
