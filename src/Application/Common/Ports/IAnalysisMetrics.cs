namespace AppBackend.Application.Common.Ports;

/// <summary>The health of the AI pipeline, as counters and a histogram (contract section 5).</summary>
public interface IAnalysisMetrics
{
    /// <summary>The AI backend accepted <paramref name="jobs"/> jobs.</summary>
    void AnalysesStarted(int jobs);

    /// <summary>A job's final result was applied; <paramref name="sinceDispatch"/> is null when the dispatch time is unknown.</summary>
    void AnalysisFinished(bool done, TimeSpan? sinceDispatch);

    /// <summary><paramref name="kind"/>: <c>rejected</c>, <c>version_mismatch</c>, <c>unavailable</c>, <c>poll_failed</c>.</summary>
    void AiBackendError(string kind);

    /// <summary><paramref name="result"/>: <c>applied</c>, <c>duplicate</c>, <c>stale</c>, <c>not_found</c>, <c>bad_signature</c>, <c>malformed</c>, <c>too_large</c>.</summary>
    void WebhookReceived(string result);

    void AlertSent();
}
