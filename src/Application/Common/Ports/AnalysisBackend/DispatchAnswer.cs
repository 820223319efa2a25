namespace AppBackend.Application.Common.Ports.AnalysisBackend;

/// <summary>What the AI backend finally answered to a dispatch, after the transport's own retries.</summary>
public abstract record DispatchAnswer
{
    private DispatchAnswer()
    {
    }

    /// <summary><c>200</c>/<c>202</c> with job ids; <see cref="AcceptedJob.VideoResponseId"/> may be absent (match by position).</summary>
    public sealed record Accepted(IReadOnlyList<AcceptedJob> Jobs) : DispatchAnswer;

    /// <summary>400, 401 or 403: the request itself was refused; retrying it cannot help.</summary>
    public sealed record Refused(int StatusCode, string ResponseBody) : DispatchAnswer;

    /// <summary>409: the AI backend speaks another API version.</summary>
    public sealed record VersionMismatch(string ResponseBody) : DispatchAnswer;

    /// <summary>408, 429, 5xx, connect failures or timeouts outlasted every retry.</summary>
    public sealed record Unavailable(string Reason) : DispatchAnswer;

    /// <summary>AppBackend could not write the request (a server-side failure): nothing was sent, so nothing is blamed on the AI backend.</summary>
    public sealed record NotSent(string Reason) : DispatchAnswer;
}

public sealed record AcceptedJob(string JobId, string? VideoResponseId);
