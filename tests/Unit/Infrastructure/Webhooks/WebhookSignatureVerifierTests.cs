using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AppBackend.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Infrastructure.Webhooks;

/// <summary>
/// Issue 12, item 6: the work of a Standard Webhooks check is bounded (a cap on the entries; that they cost about one
/// HMAC per key is measured by the micro-benchmarks, not timed here), and an empty key verifies nothing.
/// </summary>
public sealed class WebhookSignatureVerifierTests
{
    private const string Secret = "unit-callback-secret-0123456789-abcdefghij";
    private const string Id = "msg_1";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"jobId":"bull-1","status":"done","overallScore":83,"aiAnalysisId":"ai-1"}""");

    private static string Timestamp => Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1)]
    [InlineData(WebhookSignatureVerifier.MaxSignatureEntries)]
    public void VerifyStandardWebhooks_WithTheValidEntryLastOfAtMostTheCap_Accepts(int entries) =>
        Verifier(Secret).VerifyStandardWebhooks(Body, Id, Timestamp, Header(entries, Sign(Secret))).Should().BeTrue();

    [Theory]
    [InlineData(WebhookSignatureVerifier.MaxSignatureEntries + 1)]
    [InlineData(600)]
    public void VerifyStandardWebhooks_WithMoreEntriesThanTheCap_Refuses(int entries) =>
        Verifier(Secret).VerifyStandardWebhooks(Body, Id, Timestamp, Header(entries, Sign(Secret))).Should().BeFalse();

    [Fact]
    public void VerifyStandardWebhooks_WithRotatedKeys_AcceptsEitherKeysSignature()
    {
        var verifier = Verifier($"{Secret},another-callback-secret-0123456789-abcdef");

        verifier.VerifyStandardWebhooks(Body, Id, Timestamp, $"v1,{Sign("another-callback-secret-0123456789-abcdef")}").Should().BeTrue();
        verifier.VerifyStandardWebhooks(Body, Id, Timestamp, $"v1,{Sign(Secret)}").Should().BeTrue();
        verifier.VerifyStandardWebhooks(Body, Id, Timestamp, $"v1,{Sign("not-a-configured-secret-0123456789-abcdef")}").Should().BeFalse();
    }

    [Fact]
    public void Verify_WithAnEmptyWhsecKey_RefusesWhatAnEmptyKeySigned()
    {
        var verifier = Verifier("whsec_");
        var emptyKeyHmac = HMACSHA256.HashData(Array.Empty<byte>(), Body);
        var emptyKeyStandard = Convert.ToBase64String(HMACSHA256.HashData(Array.Empty<byte>(), Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.").Concat(Body).ToArray()));

        verifier.VerifyXSignature(Body, Convert.ToHexStringLower(emptyKeyHmac)).Should().BeFalse();
        verifier.VerifyStandardWebhooks(Body, Id, Timestamp, $"v1,{emptyKeyStandard}").Should().BeFalse();
    }

    /// <summary><paramref name="count"/> entries, all wrong but the last, which is <c>v1,<paramref name="valid"/></c>.</summary>
    private static string Header(int count, string valid) =>
        string.Join(' ', Enumerable.Range(0, count - 1).Select(i => $"v1,{Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(i)))}").Append($"v1,{valid}"));

    private static string Sign(string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.").Concat(Body).ToArray()));

    private static WebhookSignatureVerifier Verifier(string secrets) =>
        new(Options.Create(new CallbackSecretOptions { Secrets = CallbackSecretOptions.Parse(secrets) }), new FakeTimeProvider(Now));
}
