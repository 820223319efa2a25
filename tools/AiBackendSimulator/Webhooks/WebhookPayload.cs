using System.Text.Json.Serialization;
using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Webhooks;

/// <summary>The body of <c>POST /webhooks/analysis-ready</c> (contract section 2); absent fields are left out.</summary>
public sealed record WebhookPayload(
    string JobId,
    string VideoResponseId,
    JobStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? OverallScore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AiAnalysisId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
