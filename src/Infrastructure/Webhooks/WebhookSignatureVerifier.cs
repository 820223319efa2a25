using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Webhooks;

/// <summary>
/// Verifies the AI backend's signature over the exact bytes received, before anything parses them, in constant
/// time: <c>X-Signature</c> (hex HMAC-SHA256, any case, optional <c>sha256=</c>) or Standard Webhooks
/// (<c>webhook-id</c>, <c>webhook-timestamp</c> within ±300 s, <c>webhook-signature</c> <c>v1,&lt;base64&gt;</c> entries).
/// </summary>
public sealed class WebhookSignatureVerifier(IOptions<CallbackSecretOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan StandardWebhooksTolerance = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The most <c>v1,</c> entries one <c>webhook-signature</c> may carry: a sender signs with each of its current keys,
    /// a handful during a rotation. More is refused unread, so a long header cannot cost more work than a short one.
    /// </summary>
    public const int MaxSignatureEntries = 8;

    private const string GitHubPrefix = "sha256=";
    private const int HmacSha256Length = 32;

    // An empty key (a bare "whsec_") would make every signature under it forgeable: it never verifies anything.
    private readonly IReadOnlyList<byte[]> _keys = [.. options.Value.Keys().Where(k => k.Length > 0)];

    public bool VerifyXSignature(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var hex = signature.AsSpan().Trim();
        if (hex.StartsWith(GitHubPrefix, StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[GitHubPrefix.Length..];
        }

        Span<byte> claimed = stackalloc byte[XSignature.Length];
        if (hex.Length != XSignature.Length * 2 || Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != XSignature.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[XSignature.Length];
        var anyMatch = false;
        foreach (var key in _keys)
        {
            XSignature.Compute(key, body, expected);

            // Check every key (no early exit), so timing does not reveal which secret matched.
            anyMatch |= CryptographicOperations.FixedTimeEquals(expected, claimed);
        }

        return anyMatch;
    }

    public bool VerifyStandardWebhooks(ReadOnlySpan<byte> body, string? id, string? timestamp, string? signatures)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((clock.GetUtcNow() - sentAt).Duration() > StandardWebhooksTolerance)
        {
            return false;
        }

        var entries = signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length > MaxSignatureEntries)
        {
            return false;
        }

        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));

        // One HMAC per key per request, however many entries the header has; each entry is then only compared.
        var expected = new byte[_keys.Count * HmacSha256Length];
        for (var k = 0; k < _keys.Count; k++)
        {
            HMACSHA256.HashData(_keys[k], signed, expected.AsSpan(k * HmacSha256Length, HmacSha256Length));
        }

        Span<byte> claimed = stackalloc byte[HmacSha256Length];
        var anyMatch = false;
        foreach (var entry in entries)
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal)
                || Base64.DecodeFromUtf8(Encoding.ASCII.GetBytes(entry[3..]), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
                || written != HmacSha256Length)
            {
                continue;
            }

            for (var k = 0; k < _keys.Count; k++)
            {
                anyMatch |= CryptographicOperations.FixedTimeEquals(expected.AsSpan(k * HmacSha256Length, HmacSha256Length), claimed);
            }
        }

        return anyMatch;
    }
}
