namespace AppBackend.AiBackendSimulator.Configuration;

/// <summary>
/// Everything that steers the simulator while it runs. Starts from configuration,
/// is replaced wholesale by <c>POST /control/settings</c>, and goes back to the
/// configured values on <c>POST /control/reset</c>.
/// </summary>
public sealed record SimulatorSettings(
    string BackendSecret,
    string CallbackSecret,
    bool AutoComplete,
    TimeSpan CompleteAfter,
    double Score,
    bool DeliverCallbacks,
    IReadOnlyList<TimeSpan> CallbackRetryDelays,
    SignatureScheme SignatureScheme,
    bool FetchVideos)
{
    /// <summary>Jobs show <c>processing</c> this soon after creation (never later than half of <see cref="CompleteAfter"/>).</summary>
    public TimeSpan ProcessingAfter =>
        CompleteAfter / 2 < TimeSpan.FromMilliseconds(500) ? CompleteAfter / 2 : TimeSpan.FromMilliseconds(500);
}
