using System.Text;

namespace AppBackend.Infrastructure.Webhooks;

/// <summary><c>AI_CALLBACK_SECRET</c>: one or more comma-separated secrets; any one verifies (rotation).</summary>
public sealed class CallbackSecretOptions
{
    public const string Key = "AI_CALLBACK_SECRET";
    public const string DevelopmentSecret = "appbackend-dev-callback-secret-change-me-0123456789";

    /// <summary>Standard Webhooks secrets are written <c>whsec_&lt;base64&gt;</c>; the key is the decoded bytes.</summary>
    private const string StandardWebhooksPrefix = "whsec_";

    public IReadOnlyList<string> Secrets { get; set; } = [];

    public IReadOnlyList<byte[]> Keys() => [.. Secrets.Select(ToKey)];

    public static IReadOnlyList<string> Parse(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The HMAC key of one secret: the decoded bytes of a <c>whsec_</c> secret (none for a bare prefix), else its UTF-8.</summary>
    public static byte[] ToKey(string secret)
    {
        if (secret.StartsWith(StandardWebhooksPrefix, StringComparison.Ordinal))
        {
            try
            {
                return Convert.FromBase64String(secret[StandardWebhooksPrefix.Length..]);
            }
            catch (FormatException)
            {
                // Not base64 after all: use the text as it is.
            }
        }

        return Encoding.UTF8.GetBytes(secret);
    }
}
