using System.Text.Json.Serialization;

namespace AppBackend.AiBackendSimulator.Control;

/// <summary>Optional body of <c>POST /control/jobs/{jobId}/complete</c>; without a status the video's script decides.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CompleteJobRequest(string? Status, double? OverallScore, string? Error);
