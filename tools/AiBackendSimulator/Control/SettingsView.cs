using AppBackend.AiBackendSimulator.Configuration;

namespace AppBackend.AiBackendSimulator.Control;

/// <summary>The answer of <c>GET /control/settings</c>; the secrets are write-only and never shown.</summary>
public sealed record SettingsView(
    bool AutoComplete,
    long CompleteAfterMs,
    double Score,
    bool DeliverCallbacks,
    IReadOnlyList<long> CallbackRetryDelaysMs,
    string SignatureScheme,
    bool FetchVideos)
{
    public static SettingsView From(SimulatorSettings settings) => new(
        settings.AutoComplete,
        (long)settings.CompleteAfter.TotalMilliseconds,
        settings.Score,
        settings.DeliverCallbacks,
        [.. settings.CallbackRetryDelays.Select(delay => (long)delay.TotalMilliseconds)],
        settings.SignatureScheme.ToName(),
        settings.FetchVideos);
}
