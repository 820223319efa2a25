using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace AppBackend.LoadGenerator;

/// <summary>One analysis-ready callback, signed as the AI backend signs it (contract section 2).</summary>
public sealed record SignedCallback(string JobId, byte[] Body, string Signature)
{
    public const string Path = "/webhooks/analysis-ready";

    public static SignedCallback Done(string jobId, string videoResponseId, string secret)
    {
        var json = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"jobId\":\"{jobId}\",\"videoResponseId\":\"{videoResponseId}\",\"status\":\"done\",\"overallScore\":83,\"aiAnalysisId\":\"ai-{jobId}\"}}");
        var body = Encoding.UTF8.GetBytes(json);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        return new SignedCallback(jobId, body, signature);
    }

    public HttpRequestMessage ToRequest()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Signature", Signature);
        return request;
    }
}
