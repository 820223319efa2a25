using System.Globalization;
using System.Text;

namespace AppBackend.AiBackendSimulator.Configuration;

/// <summary>Reads the simulator's start-up settings from ASP.NET configuration; see the README for the keys.</summary>
public sealed record SimulatorConfiguration(
    SimulatorSettings Defaults,
    bool BackendSecretIsDevDefault,
    bool CallbackSecretIsDevDefault)
{
    public const string DevBackendSecret = "appbackend-dev-ai-backend-secret-change-me-0123456789";
    public const string DevCallbackSecret = "appbackend-dev-callback-secret-change-me-0123456789";

    /// <summary>HS256 keys shorter than 256 bits are refused by AppBackend and by IdentityModel alike.</summary>
    public const int MinimumSecretBytes = 32;

    private const string DefaultRetryDelays = "00:00:01,00:00:02,00:00:04,00:00:08,00:00:16";

    public static SimulatorConfiguration From(IConfiguration configuration)
    {
        var backendSecret = configuration["AI_BACKEND_SECRET"];
        var backendIsDefault = string.IsNullOrWhiteSpace(backendSecret);
        backendSecret = backendIsDefault ? DevBackendSecret : backendSecret!;

        // AppBackend accepts a comma-separated list (rotation); a sender signs with the first.
        var callbackSecret = configuration["AI_CALLBACK_SECRET"]?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        var callbackIsDefault = string.IsNullOrEmpty(callbackSecret);
        callbackSecret = callbackIsDefault ? DevCallbackSecret : callbackSecret!;

        RequireLongEnough("AI_BACKEND_SECRET", backendSecret);
        RequireLongEnough("AI_CALLBACK_SECRET", callbackSecret);

        var section = configuration.GetSection("Simulator");
        var schemeName = section["SignatureScheme"] ?? SignatureSchemeNames.XSignature;
        if (!SignatureSchemeNames.TryParse(schemeName, out var scheme))
        {
            throw new InvalidOperationException(
                $"Simulator:SignatureScheme must be '{SignatureSchemeNames.XSignature}' or '{SignatureSchemeNames.StandardWebhooks}', not '{schemeName}'.");
        }

        var defaults = new SimulatorSettings(
            BackendSecret: backendSecret,
            CallbackSecret: callbackSecret,
            AutoComplete: section.GetValue("AutoComplete", true),
            CompleteAfter: NonNegative("Simulator:CompleteAfter", section.GetValue("CompleteAfter", TimeSpan.FromSeconds(3))),
            Score: section.GetValue("Score", 83d),
            DeliverCallbacks: section.GetValue("DeliverCallbacks", true),
            CallbackRetryDelays: ParseDelays(section["CallbackRetryDelays"] ?? DefaultRetryDelays),
            SignatureScheme: scheme,
            FetchVideos: section.GetValue("FetchVideos", false));

        return new SimulatorConfiguration(defaults, backendIsDefault, callbackIsDefault);
    }

    public static bool IsLongEnough(string secret) => Encoding.UTF8.GetByteCount(secret) >= MinimumSecretBytes;

    private static void RequireLongEnough(string name, string secret)
    {
        if (!IsLongEnough(secret))
        {
            throw new InvalidOperationException($"{name} must be at least {MinimumSecretBytes} bytes long.");
        }
    }

    private static TimeSpan NonNegative(string name, TimeSpan value) =>
        value >= TimeSpan.Zero ? value : throw new InvalidOperationException($"{name} must not be negative.");

    private static List<TimeSpan> ParseDelays(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero
                ? delay
                : throw new InvalidOperationException(
                    $"Simulator:CallbackRetryDelays must be comma-separated non-negative TimeSpans (hh:mm:ss), not '{part}'."))];
}
