using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Media;

/// <summary>
/// Signs and verifies media URLs (contract section 4): <c>/media/{videoResponseId}?exp={unix seconds}&amp;sig={s}</c>,
/// where <c>s</c> is the unpadded base64url HMAC-SHA256, under <c>Media:SigningKey</c>, of the path, a line feed and
/// the <c>exp</c> text exactly as sent. The path signed is the application path, so a proxy prefix in
/// <c>PUBLIC_BASE_URL</c> does not change it.
/// </summary>
public sealed class MediaUrlSigner(IOptions<MediaSigningOptions> options, IOptions<PublicUrlOptions> publicUrls, TimeProvider clock)
{
    public const string ExpiryParameter = "exp";
    public const string SignatureParameter = "sig";

    private const int HmacSha256Length = 32;

    // Read at first use, not at construction: the event log's writer reaches this signer through the DbContext, and a
    // tool that never signs (the admin tool's failure paths) must not need the key to open the database.
    private readonly Lazy<byte[]> _key = new(() => Encoding.UTF8.GetBytes(options.Value.SigningKey));

    /// <summary>An absolute URL under <c>PUBLIC_BASE_URL</c>, valid for <c>Media:UrlLifetime</c> from now.</summary>
    public string SignedUrl(string videoResponseId) =>
        SignedUrl(videoResponseId, clock.GetUtcNow() + options.Value.UrlLifetime);

    public string SignedUrl(string videoResponseId, DateTimeOffset expiresAt)
    {
        var path = MediaPaths.For(videoResponseId);
        var exp = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{publicUrls.Value.Absolute(path)}?{ExpiryParameter}={exp}&{SignatureParameter}={Sign(path, exp)}";
    }

    /// <summary>
    /// Checks the signature first, in constant time, and the expiry only for a genuine signature, so that an
    /// answer never depends on anything but the URL itself (nothing is looked up before this says valid).
    /// </summary>
    public MediaSignatureCheck Verify(string videoResponseId, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
        {
            return MediaSignatureCheck.Unsigned;
        }

        Span<byte> claimed = stackalloc byte[HmacSha256Length];
        if (sig.Length != Base64Url.GetEncodedLength(HmacSha256Length)
            || Base64Url.DecodeFromChars(sig, claimed, out _, out var written) != OperationStatus.Done
            || written != HmacSha256Length)
        {
            return MediaSignatureCheck.BadSignature;
        }

        Span<byte> expected = stackalloc byte[HmacSha256Length];
        HMACSHA256.HashData(_key.Value, Message(MediaPaths.For(videoResponseId), exp), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, claimed))
        {
            return MediaSignatureCheck.BadSignature;
        }

        // Only this server makes signatures, and it writes exp as plain decimal seconds.
        return long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && clock.GetUtcNow().ToUnixTimeSeconds() < seconds
            ? MediaSignatureCheck.Valid
            : MediaSignatureCheck.Expired;
    }

    private static byte[] Message(string path, string exp) => Encoding.UTF8.GetBytes($"{path}\n{exp}");

    private string Sign(string path, string exp) => Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, Message(path, exp)));
}
