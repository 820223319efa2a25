using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Security;
using AppBackend.Infrastructure.Webhooks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AppBackend.Micro;

/// <summary>The hot pure-CPU steps of the webhook, the dispatch and the token minting, with their allocations.</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private const string Secret = "benchmark-callback-secret-0123456789-abcdefghij";
    private const string JwtKey = "benchmark-jwt-signing-key-0123456789-abcdefghij";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, object> Claims = new() { ["sub"] = "bench", ["role"] = "recruiter" };

    private WebhookSignatureVerifier _verifier = null!;
    private HmacJwtIssuer _issuer = null!;
    private byte[] _body = [];
    private string _xSignature = string.Empty;
    private string _webhookId = string.Empty;
    private string _webhookTimestamp = string.Empty;
    private string _webhookSignature = string.Empty;
    private string _webhookSignatureAtCap = string.Empty;
    private JobApplication _application = null!;
    private Interview _interview = null!;
    private IReadOnlyList<VideoResponse> _videos = [];

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new CallbackSecretOptions { Secrets = [Secret] });
        _verifier = new WebhookSignatureVerifier(options, TimeProvider.System);
        _issuer = new HmacJwtIssuer(TimeProvider.System);

        // A 1 KiB callback body: the usual fields, padded with a long error text.
        var prefix = "{\"jobId\":\"bull-987654\",\"videoResponseId\":\"0199a1b2c3d4e5f6a7b8c9d0e1f2a3b4\",\"status\":\"failed\",\"error\":\"";
        var suffix = "\"}";
        _body = Encoding.UTF8.GetBytes(prefix + new string('x', 1024 - prefix.Length - suffix.Length) + suffix);
        var key = Encoding.UTF8.GetBytes(Secret);
        _xSignature = Convert.ToHexStringLower(HMACSHA256.HashData(key, _body));
        _webhookId = "msg_2b1f0c3a4d5e6f708192a3b4c5d6e7f8";
        _webhookTimestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{_webhookId}.{_webhookTimestamp}.").Concat(_body).ToArray();
        _webhookSignature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));

        // As many entries as the verifier takes, the valid one last: it should cost about what one entry does (one HMAC
        // per key, the entries only compared), not that many times more.
        _webhookSignatureAtCap = string.Join(' ', Enumerable.Range(0, WebhookSignatureVerifier.MaxSignatureEntries - 1)
            .Select(i => "v1," + Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(i))))
            .Append(_webhookSignature));

        var now = DateTimeOffset.UtcNow;
        _interview = Interview.Create(
            "bench-org",
            "Backend Engineer",
            [.. Enumerable.Range(1, 10).Select(i => new QuestionDraft(
                $"Question {i}: tell us about a hard problem you solved and what you learned from it.",
                120,
                $"{{\"skill\":\"problem_solving\",\"weight\":{i},\"keywords\":[\"debugging\",\"ownership\"]}}"))],
            now);
        _application = JobApplication.Create(_interview, "candidate-1", new Candidate("Ayşe Yılmaz", "ayse@example.com", "+90 555 000 00 00", "https://files.example.com/cv/ayse.pdf"), now);
        foreach (var question in _interview.Questions)
        {
            _application.AddVideoResponse(_interview, question.Id, $"https://videos.example.com/{question.Id}.mp4", now);
        }

        _videos = _application.VideoResponses;
    }

    [Benchmark(Description = "X-Signature verify, 1 KiB body")]
    public bool VerifyXSignature() => _verifier.VerifyXSignature(_body, _xSignature);

    [Benchmark(Description = "Standard Webhooks verify, 1 KiB body")]
    public bool VerifyStandardWebhooks() => _verifier.VerifyStandardWebhooks(_body, _webhookId, _webhookTimestamp, _webhookSignature);

    [Benchmark(Description = "Standard Webhooks verify, 1 KiB body, signature entries at the cap")]
    public bool VerifyStandardWebhooksAtTheCap() => _verifier.VerifyStandardWebhooks(_body, _webhookId, _webhookTimestamp, _webhookSignatureAtCap);

    [Benchmark(Description = "AI payload, 10 questions (Create + JSON)")]
    public byte[] AnalysisPayload()
    {
        var request = AnalysisRequestFactory.Create(
            _application, _interview, _videos, v => v.Url, "req-0123456789", "https://app.example.com/webhooks/analysis-ready");
        return JsonSerializer.SerializeToUtf8Bytes(request, Json);
    }

    [Benchmark(Description = "JWT minted (HmacJwtIssuer.Issue)")]
    public string IssueJwt() => _issuer.Issue(JwtKey, "app-backend", "ai-backend", TimeSpan.FromMinutes(5), Claims);
}
