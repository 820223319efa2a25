namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>
/// A parsed request, or why not: <see cref="Errors"/> (field path → messages) for a 400,
/// or <see cref="UnsupportedVersion"/> for a 409.
/// </summary>
public sealed record AnalysisRequestParseResult(
    ParsedAnalysisRequest? Request,
    IDictionary<string, string[]>? Errors,
    string? UnsupportedVersion);
