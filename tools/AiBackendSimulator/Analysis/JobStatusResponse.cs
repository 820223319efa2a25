using System.Text.Json.Serialization;
using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>The answer to <c>GET /v1/analysis/video/{jobId}</c>; optional fields are written only when set.</summary>
public sealed record JobStatusResponse(
    string JobId,
    string VideoResponseId,
    JobStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? OverallScore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AiAnalysisId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
