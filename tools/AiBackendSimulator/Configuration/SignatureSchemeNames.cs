namespace AppBackend.AiBackendSimulator.Configuration;

/// <summary>The names a signature scheme has in configuration and in the control API.</summary>
public static class SignatureSchemeNames
{
    public const string XSignature = "x-signature";
    public const string StandardWebhooks = "standard-webhooks";

    public static string ToName(this SignatureScheme scheme) => scheme switch
    {
        SignatureScheme.StandardWebhooks => StandardWebhooks,
        _ => XSignature,
    };

    public static bool TryParse(string? name, out SignatureScheme scheme)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case XSignature:
                scheme = SignatureScheme.XSignature;
                return true;
            case StandardWebhooks:
                scheme = SignatureScheme.StandardWebhooks;
                return true;
            default:
                scheme = default;
                return false;
        }
    }
}
