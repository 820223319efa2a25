using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppBackend.Application.Common.Serialization;

/// <summary>
/// Timestamps on the wire are ISO-8601 UTC with a <c>Z</c>, to the millisecond (<c>2026-11-23T10:00:00.000Z</c>):
/// the finest precision every database keeps, so a value reads the same before and after it is stored.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
