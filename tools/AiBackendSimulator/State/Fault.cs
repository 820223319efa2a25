namespace AppBackend.AiBackendSimulator.State;

/// <summary>One scripted answer for the next <c>POST /v1/analysis/video</c>: a status (optionally with Retry-After) or a hang.</summary>
public sealed record Fault(int? Status, int? RetryAfterSeconds, bool Hang);
