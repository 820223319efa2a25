using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>Webhook deliveries as the AI backend signs them (contract section 2).</summary>
public static class WebhookCalls
{
    public const string Path = "/webhooks/analysis-ready";

    public static string Body(string jobId, string? videoResponseId, string status = "done", double? overallScore = 83, string? aiAnalysisId = "ai-1", string? error = null) =>
        JsonSerializer.Serialize(new { jobId, videoResponseId, status, overallScore, aiAnalysisId, error }, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static string HexSignature(string body, string secret = TestSecrets.CallbackSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature) =>
        client.SendAsync(Request(body, signature is null ? [] : [("X-Signature", signature)]));

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body, string secret = TestSecrets.CallbackSecret) =>
        PostAsync(client, body, HexSignature(body, secret));

    /// <summary>Signed like <see cref="PostSignedAsync"/>, sent without <c>Content-Length</c> (<c>Transfer-Encoding: chunked</c>).</summary>
    public static Task<HttpResponseMessage> PostSignedChunkedAsync(HttpClient client, string body)
    {
        var request = Request(body, [("X-Signature", HexSignature(body))]);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = content;
        request.Headers.TransferEncodingChunked = true;
        return client.SendAsync(request);
    }

    /// <summary>A Standard Webhooks delivery (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).</summary>
    public static Task<HttpResponseMessage> PostStandardAsync(HttpClient client, string body, DateTimeOffset sentAt, string secret = TestSecrets.CallbackSecret)
    {
        var id = $"msg_{Guid.NewGuid():N}";
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return client.SendAsync(Request(body, [("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", $"v1,bm90LXRoaXMtb25l v1,{signature}")]));
    }

    private static HttpRequestMessage Request(string body, IEnumerable<(string Name, string Value)> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
