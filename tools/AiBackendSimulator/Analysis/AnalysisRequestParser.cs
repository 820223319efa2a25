using System.Globalization;
using System.Text.Json;

namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>
/// Checks a <c>POST /v1/analysis/video</c> body against contract section 3. Only what the
/// simulator needs is required; <c>interview</c> and <c>candidate</c> are recorded, not checked.
/// The API version is looked at first: a v2 body may have any shape.
/// </summary>
public static class AnalysisRequestParser
{
    public const int SupportedMajorVersion = 1;

    public static AnalysisRequestParseResult Parse(JsonElement? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            errors["body"] = ["must be a JSON object"];
            return new AnalysisRequestParseResult(null, errors, null);
        }

        var meta = Property(root, "meta");
        var apiVersion = String(meta, "apiVersion");
        if (apiVersion is null)
        {
            errors["meta.apiVersion"] = ["is required"];
            return new AnalysisRequestParseResult(null, errors, null);
        }

        if (MajorVersion(apiVersion) is not { } major)
        {
            errors["meta.apiVersion"] = ["must be a version like 1.0.0"];
            return new AnalysisRequestParseResult(null, errors, null);
        }

        if (major != SupportedMajorVersion)
        {
            return new AnalysisRequestParseResult(null, null, apiVersion);
        }

        var callbackUrl = HttpUrl(String(meta, "callbackUrl"));
        if (callbackUrl is null)
        {
            errors["meta.callbackUrl"] = ["must be an absolute http(s) URL"];
        }

        var applicationId = String(Property(root, "application"), "id");
        if (string.IsNullOrEmpty(applicationId))
        {
            errors["application.id"] = ["is required"];
        }

        var videos = Videos(Property(root, "videoResponses"), errors);
        return errors.Count > 0
            ? new AnalysisRequestParseResult(null, errors, null)
            : new AnalysisRequestParseResult(new ParsedAnalysisRequest(apiVersion, callbackUrl!, applicationId!, videos), null, null);
    }

    private static List<VideoToAnalyse> Videos(JsonElement? array, Dictionary<string, string[]> errors)
    {
        var videos = new List<VideoToAnalyse>();
        if (array is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0)
        {
            errors["videoResponses"] = ["must be a non-empty array"];
            return videos;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"videoResponses[{index++}]";
            var videoResponseId = String(item, "videoResponseId");
            var url = HttpUrl(String(item, "url"));
            if (string.IsNullOrEmpty(videoResponseId))
            {
                errors[$"{path}.videoResponseId"] = ["is required"];
            }
            else if (!seen.Add(videoResponseId))
            {
                errors[$"{path}.videoResponseId"] = ["appears more than once"];
            }

            if (url is null)
            {
                errors[$"{path}.url"] = ["must be an absolute http(s) URL"];
            }

            if (!string.IsNullOrEmpty(videoResponseId) && url is not null)
            {
                videos.Add(new VideoToAnalyse(videoResponseId, url));
            }
        }

        return videos;
    }

    private static JsonElement? Property(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement? parent, string name) =>
        Property(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static Uri? HttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    private static int? MajorVersion(string version)
    {
        var major = version.Split('.')[0];
        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
