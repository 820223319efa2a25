using System.Security.Cryptography;

namespace AppBackend.Infrastructure.Webhooks;

/// <summary>
/// The <c>X-Signature</c> scheme of contract section 2: HMAC-SHA256 of the exact body bytes under one callback
/// secret, sent as lower-case hex. <see cref="WebhookSignatureVerifier"/> checks with it; the admin tool signs with it.
/// </summary>
public static class XSignature
{
    /// <summary>Bytes in one HMAC-SHA256.</summary>
    public const int Length = 32;

    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, Span<byte> destination) =>
        HMACSHA256.HashData(key, body, destination);

    /// <summary>The header value: lower-case hex of the HMAC.</summary>
    public static string ComputeHex(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[Length];
        Compute(key, body, mac);
        return Convert.ToHexStringLower(mac);
    }
}
