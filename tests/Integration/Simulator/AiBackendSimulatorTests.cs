using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AppBackend.AiBackendSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Simulator;

/// <summary>
/// The AI backend simulator over real HTTP: started in-process on a loopback port, with a
/// second tiny Kestrel app as the webhook receiver. Delays are shortened through the control API.
/// </summary>
public sealed class AiBackendSimulatorTests : IAsyncLifetime
{
    private const string BackendSecret = "integration-test-ai-backend-secret-0123456789";
    private const string CallbackSecret = "integration-test-callback-secret-0123456789";

    private WebhookReceiver _receiver = null!;
    private WebApplication _simulator = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _simulator = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AI_BACKEND_SECRET"] = BackendSecret,
                // Rotation: the simulator must sign with the first secret of the list.
                ["AI_CALLBACK_SECRET"] = $"{CallbackSecret}, an-older-callback-secret-0123456789abcdef",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await _simulator.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_simulator.Urls.Single()) };

        var settings = await _client.PostAsJsonAsync(
            "/control/settings", new { completeAfterMs = 50, callbackRetryDelaysMs = new[] { 20, 20, 20 } });
        settings.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task StartAnalysis_ValidRequest_Returns202WithOneJobIdPerVideo()
    {
        var response = await StartAnalysisAsync("key-1", "video-a", "video-b");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var jobIds = await JobIdsAsync(response);
        jobIds.Select(entry => entry.VideoResponseId).Should().Equal("video-a", "video-b");
        jobIds.Select(entry => entry.JobId).Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().StartWith("bull-"));
    }

    [Fact]
    public async Task StartAnalysis_SameIdempotencyKey_ReturnsSameJobIdsAndCreatesNothing()
    {
        var first = await StartAnalysisAsync("key-1", "video-a", "video-b");
        var second = await StartAnalysisAsync("key-1", "video-a", "video-b");

        second.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await JobIdsAsync(second)).Should().Equal(await JobIdsAsync(first));
        (await ControlArrayAsync("/control/jobs")).Should().HaveCount(2);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong-signature")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("alg-none")]
    public async Task StartAnalysis_InvalidToken_Returns401(string tokenProblem)
    {
        string? token = tokenProblem switch
        {
            "missing" => null,
            "wrong-signature" => TestTokens.Signed("some-other-secret-that-is-long-enough-0123456789"),
            "wrong-audience" => TestTokens.Signed(BackendSecret, audience: "someone-else"),
            "expired" => TestTokens.Signed(BackendSecret, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(10)),
            _ => TestTokens.Unsigned(),
        };

        var response = await StartAnalysisAsync("key-1", ["video-a"], token: token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var recorded = (await ControlArrayAsync("/control/requests")).Should().ContainSingle().Subject!;
        recorded["answeredStatus"]!.GetValue<int>().Should().Be(401);
        recorded["jwt"].Should().BeNull();
        (await ControlArrayAsync("/control/jobs")).Should().BeEmpty();
    }

    [Fact]
    public async Task StartAnalysis_MajorVersionTwo_Returns409()
    {
        var response = await StartAnalysisAsync("key-1", ["video-a"], TestTokens.Signed(BackendSecret), apiVersion: "2.0.0");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["title"]!.GetValue<string>().Should().Be("API version mismatch");
    }

    [Fact]
    public async Task StartAnalysis_TwoScriptedFaults_Answers503TwiceThenAccepts()
    {
        var fault = await _client.PostAsJsonAsync("/control/faults", new { status = 503, count = 2, retryAfterSeconds = 1 });
        fault.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var first = await StartAnalysisAsync("key-1", "video-a");
        var second = await StartAnalysisAsync("key-1", "video-a");
        var third = await StartAnalysisAsync("key-1", "video-a");

        first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        first.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        third.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await ControlArrayAsync("/control/requests")).Select(request => request!["answeredStatus"]!.GetValue<int>())
            .Should().Equal(503, 503, 202);
        (await ControlArrayAsync("/control/jobs")).Should().ContainSingle();
    }

    [Fact]
    public async Task JobCompletion_AutoComplete_DeliversWebhookSignedOverExactBody()
    {
        var response = await StartAnalysisAsync("key-1", "video-a");
        var jobId = (await JobIdsAsync(response)).Single().JobId;

        var webhook = (await Eventually.Until(() => _receiver.Received, received => received.Count > 0, "the webhook")).Single();

        webhook.Headers["X-Signature"].Should().Be(HexHmac(CallbackSecret, webhook.Body));
        webhook.Headers["Content-Type"].Should().StartWith("application/json");
        var body = JsonNode.Parse(webhook.BodyText)!;
        body["jobId"]!.GetValue<string>().Should().Be(jobId);
        body["videoResponseId"]!.GetValue<string>().Should().Be("video-a");
        body["status"]!.GetValue<string>().Should().Be("done");
        body["overallScore"]!.GetValue<double>().Should().Be(83);
        body["aiAnalysisId"]!.GetValue<string>().Should().StartWith("ai-");

        var status = await SendWithTokenAsync(HttpMethod.Get, $"/v1/analysis/video/{jobId}", content: null);
        (await status.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().Be("done");
    }

    [Fact]
    public async Task JobCompletion_ReceiverAnswers500First_RetriesDelivery()
    {
        _receiver.AnswerNext(500);

        await StartAnalysisAsync("key-1", "video-a");

        var attempts = await Eventually.Until(
            () => ControlArrayAsync("/control/callbacks"), callbacks => callbacks.Count >= 2, "a second delivery attempt");
        attempts.Select(attempt => attempt!["statusCode"]!.GetValue<int>()).Should().Equal(500, 200);
        attempts.Select(attempt => attempt!["attempt"]!.GetValue<int>()).Should().Equal(1, 2);
        _receiver.Received.Select(received => received.BodyText).Distinct().Should().ContainSingle("a retry sends the same bytes");
    }

    [Fact]
    public async Task JobCompletion_StandardWebhooksScheme_SignsIdTimestampAndBody()
    {
        await _client.PostAsJsonAsync("/control/settings", new { signatureScheme = "standard-webhooks" });

        await StartAnalysisAsync("key-1", "video-a");

        var webhook = (await Eventually.Until(() => _receiver.Received, received => received.Count > 0, "the webhook")).Single();
        var id = webhook.Headers["webhook-id"];
        var timestamp = webhook.Headers["webhook-timestamp"];
        var signedContent = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(webhook.Body).ToArray();
        webhook.Headers["webhook-signature"].Should().Be(
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CallbackSecret), signedContent)));
        webhook.Headers.Should().NotContainKey("X-Signature");
    }

    [Fact]
    public async Task JobCompletion_VideoScriptedToFail_DeliversFailedWithError()
    {
        await _client.PostAsJsonAsync("/control/videos/video-b/fail", new { error = "no face detected" });

        await StartAnalysisAsync("key-1", "video-a", "video-b");

        var webhooks = await Eventually.Until(() => _receiver.Received, received => received.Count >= 2, "both webhooks");
        var failed = webhooks.Select(webhook => JsonNode.Parse(webhook.BodyText)!)
            .Single(body => body["videoResponseId"]!.GetValue<string>() == "video-b");
        failed["status"]!.GetValue<string>().Should().Be("failed");
        failed["error"]!.GetValue<string>().Should().Be("no face detected");
        failed.AsObject().Should().NotContainKey("overallScore").And.NotContainKey("aiAnalysisId");
    }

    private Task<HttpResponseMessage> StartAnalysisAsync(string idempotencyKey, params string[] videoResponseIds) =>
        StartAnalysisAsync(idempotencyKey, videoResponseIds, TestTokens.Signed(BackendSecret));

    private async Task<HttpResponseMessage> StartAnalysisAsync(
        string idempotencyKey, string[] videoResponseIds, string? token, string apiVersion = "1.0.0")
    {
        var body = new
        {
            meta = new { apiVersion, requestId = Guid.NewGuid().ToString("N"), callbackUrl = _receiver.CallbackUrl },
            application = new { id = "application-1", candidate = new { fullName = "Ayşe Yılmaz", email = "ayse@example.com" } },
            interview = new { id = "interview-1", title = "Backend Engineer" },
            videoResponses = videoResponseIds.Select(id => new { videoResponseId = id, questionId = "q-" + id, url = $"https://files.example.com/{id}.mp4" }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/analysis/video") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString("N"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Signed(BackendSecret));
        return await _client.SendAsync(request);
    }

    private async Task<JsonArray> ControlArrayAsync(string path) => (await _client.GetFromJsonAsync<JsonArray>(path))!;

    private static async Task<List<(string JobId, string VideoResponseId)>> JobIdsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["jobIds"]!.AsArray().Select(entry =>
            (entry!["jobId"]!.GetValue<string>(), entry["videoResponseId"]!.GetValue<string>()))];
    }

    private static string HexHmac(string secret, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
