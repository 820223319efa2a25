using AppBackend.AiBackendSimulator.Auth;

namespace AppBackend.AiBackendSimulator.State;

/// <summary>
/// One <c>POST /v1/analysis/video</c> as received. <see cref="AnsweredStatus"/> is null while
/// the request is still being answered, and stays null for a hang fault.
/// <see cref="Body"/> is the parsed JSON when it was JSON, else the raw text.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset ReceivedAt,
    string? IdempotencyKey,
    string? RequestId,
    int? AnsweredStatus,
    JwtClaimsView? Jwt,
    object? Body);
