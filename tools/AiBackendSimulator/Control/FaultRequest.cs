using System.Text.Json.Serialization;

namespace AppBackend.AiBackendSimulator.Control;

/// <summary>Body of <c>POST /control/faults</c>: answer the next <see cref="Count"/> analysis requests with <see cref="Status"/>, or hang.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaultRequest(int? Status, int? Count, int? RetryAfterSeconds, bool? Hang);
