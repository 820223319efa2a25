namespace AppBackend.AiBackendSimulator.State;

/// <summary>A job's video fetch as shown by <c>GET /control/jobs</c>; <see cref="Pending"/> until it has finished.</summary>
public sealed record VideoFetchView(bool Pending, DateTimeOffset? At, int? StatusCode, long? Bytes, string? Error);
