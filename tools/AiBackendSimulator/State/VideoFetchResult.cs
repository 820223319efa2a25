namespace AppBackend.AiBackendSimulator.State;

/// <summary>What a GET of a job's video URL gave: HTTP status and bytes read, or why it failed.</summary>
public sealed record VideoFetchResult(DateTimeOffset At, int? StatusCode, long Bytes, string? Error)
{
    public bool Succeeded => Error is null;
}
