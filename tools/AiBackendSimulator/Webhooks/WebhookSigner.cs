using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AppBackend.AiBackendSimulator.Configuration;

namespace AppBackend.AiBackendSimulator.Webhooks;

/// <summary>Makes the signature headers AppBackend checks (contract section 2). The secret's UTF-8 bytes are the HMAC key.</summary>
public static class WebhookSigner
{
    public const string XSignatureHeader = "X-Signature";
    public const string WebhookIdHeader = "webhook-id";
    public const string WebhookTimestampHeader = "webhook-timestamp";
    public const string WebhookSignatureHeader = "webhook-signature";

    public static IReadOnlyDictionary<string, string> Headers(WebhookMessage message, DateTimeOffset now)
    {
        var key = Encoding.UTF8.GetBytes(message.CallbackSecret);
        if (message.Scheme == SignatureScheme.StandardWebhooks)
        {
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return new Dictionary<string, string>
            {
                [WebhookIdHeader] = message.WebhookId,
                [WebhookTimestampHeader] = timestamp,
                [WebhookSignatureHeader] = "v1," + Convert.ToBase64String(
                    HMACSHA256.HashData(key, SignedContent(message.WebhookId, timestamp, message.Body.Span))),
            };
        }

        return new Dictionary<string, string>
        {
            [XSignatureHeader] = Convert.ToHexStringLower(HMACSHA256.HashData(key, message.Body.Span)),
        };
    }

    // Standard Webhooks signs "{id}.{timestamp}.{body}" over the exact body bytes.
    private static byte[] SignedContent(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }
}
