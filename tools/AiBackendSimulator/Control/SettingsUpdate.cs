using System.Text.Json.Serialization;
using AppBackend.AiBackendSimulator.Configuration;

namespace AppBackend.AiBackendSimulator.Control;

/// <summary>
/// Body of <c>POST /control/settings</c>: every field optional, absent ones keep their value.
/// Unknown fields are refused so that a typo does not silently change nothing.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SettingsUpdate(
    bool? AutoComplete,
    long? CompleteAfterMs,
    double? Score,
    bool? DeliverCallbacks,
    IReadOnlyList<long>? CallbackRetryDelaysMs,
    string? SignatureScheme,
    bool? FetchVideos,
    string? BackendSecret,
    string? CallbackSecret)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (CompleteAfterMs < 0)
        {
            errors["completeAfterMs"] = ["must not be negative"];
        }

        if (CallbackRetryDelaysMs?.Any(delay => delay < 0) == true)
        {
            errors["callbackRetryDelaysMs"] = ["must not contain negative delays"];
        }

        if (SignatureScheme is not null && !SignatureSchemeNames.TryParse(SignatureScheme, out _))
        {
            errors["signatureScheme"] = [$"must be '{SignatureSchemeNames.XSignature}' or '{SignatureSchemeNames.StandardWebhooks}'"];
        }

        if (BackendSecret is not null && !SimulatorConfiguration.IsLongEnough(BackendSecret))
        {
            errors["backendSecret"] = [$"must be at least {SimulatorConfiguration.MinimumSecretBytes} bytes"];
        }

        if (CallbackSecret is not null && !SimulatorConfiguration.IsLongEnough(CallbackSecret))
        {
            errors["callbackSecret"] = [$"must be at least {SimulatorConfiguration.MinimumSecretBytes} bytes"];
        }

        return errors;
    }

    /// <summary>Applies the update; call <see cref="Validate"/> first.</summary>
    public SimulatorSettings ApplyTo(SimulatorSettings current) => current with
    {
        AutoComplete = AutoComplete ?? current.AutoComplete,
        CompleteAfter = CompleteAfterMs is { } completeAfter ? TimeSpan.FromMilliseconds(completeAfter) : current.CompleteAfter,
        Score = Score ?? current.Score,
        DeliverCallbacks = DeliverCallbacks ?? current.DeliverCallbacks,
        CallbackRetryDelays = CallbackRetryDelaysMs is { } delays
            ? [.. delays.Select(delay => TimeSpan.FromMilliseconds(delay))]
            : current.CallbackRetryDelays,
        SignatureScheme = SignatureSchemeNames.TryParse(SignatureScheme, out var scheme) ? scheme : current.SignatureScheme,
        FetchVideos = FetchVideos ?? current.FetchVideos,
        BackendSecret = BackendSecret ?? current.BackendSecret,
        CallbackSecret = CallbackSecret ?? current.CallbackSecret,
    };
}
