using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AppBackend.AiBackendSimulator.Http;

/// <summary>The one JSON setup for responses, request bodies and webhook bodies: camelCase, UTC timestamps.</summary>
public static class SimulatorJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Apply(JsonSerializerOptions options) => options.Converters.Add(new UtcDateTimeOffsetConverter());

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
