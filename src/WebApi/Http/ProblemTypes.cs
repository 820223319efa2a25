namespace AppBackend.WebApi.Http;

/// <summary>A stable problem <c>type</c> URI per error code; documented in the OpenAPI description.</summary>
internal static class ProblemTypes
{
    public const string Validation = "urn:appbackend:problem:validation";
    public const string MalformedRequest = "urn:appbackend:problem:malformed_request";
    public const string DatabaseUnavailable = "urn:appbackend:problem:database_unavailable";
    public const string ConcurrencyConflict = "urn:appbackend:problem:concurrency_conflict";

    public static string For(string code) => $"urn:appbackend:problem:{code}";
}
