using System.Text;
using System.Text.Json;

namespace AppBackend.Application.Interviews.CreateInterview;

/// <summary>
/// How large and how deep one question's <c>aiMetadata</c> may be. Without a bound, one interview nested 60 levels
/// deep (or 10 MB large) was stored, then broke every list that showed it and every dispatch that sent it: the
/// serializers stop at 64 levels, and the payload goes to the AI backend with every application.
/// </summary>
public static class AiMetadataBounds
{
    /// <summary>Levels of objects and arrays, the top object being the first.</summary>
    public const int MaxDepth = 10;

    /// <summary>UTF-8 bytes of the JSON as stored (compact).</summary>
    public const int MaxBytes = 16 * 1024;

    public static string Description =>
        $"A non-empty JSON object, passed to the AI backend verbatim. At most {MaxDepth} levels of nested objects and arrays " +
        $"(the object itself is level 1) and at most {MaxBytes} bytes as compact UTF-8 JSON; larger or deeper ones are refused with 400.";

    public static bool IsWithinDepth(JsonElement element) => Depth(element) <= MaxDepth;

    /// <summary>Measured on the JSON as it is stored: the text the caller sent.</summary>
    public static bool IsWithinSize(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined || Encoding.UTF8.GetByteCount(element.GetRawText()) <= MaxBytes;

    /// <summary>Levels of objects and arrays; the reader already stopped anything deeper than 64, so this recursion is bounded.</summary>
    private static int Depth(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => 1 + element.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + element.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
