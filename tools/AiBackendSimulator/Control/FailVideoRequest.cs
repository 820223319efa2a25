using System.Text.Json.Serialization;

namespace AppBackend.AiBackendSimulator.Control;

/// <summary>Optional body of <c>POST /control/videos/{videoResponseId}/fail</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FailVideoRequest(string? Error);
