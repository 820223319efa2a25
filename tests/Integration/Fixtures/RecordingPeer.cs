using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>One request as it arrived on the wire: its headers (Content-Length, Transfer-Encoding, Authorization) and body.</summary>
public sealed record PeerRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>
/// A real HTTP server on loopback standing in for both peers AppBackend calls: the AI backend (accepts every
/// analysis with one job per video, <c>job-{videoResponseId}</c>, and reports jobs as processing) and Slack
/// (<c>POST /slack</c>). It records every request with its headers, to see what AppBackend really sends.
/// </summary>
public sealed class RecordingPeer : IAsyncDisposable
{
    private readonly ConcurrentQueue<PeerRequest> _requests = new();
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    public Uri SlackUrl => new(Url, "/slack");

    public IReadOnlyList<PeerRequest> Requests => [.. _requests];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = new PeerRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            _requests.Enqueue(request);
            await AnswerAsync(context, request);
        });
        await _app.StartAsync();
        Url = new Uri(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static Task AnswerAsync(HttpContext context, PeerRequest request)
    {
        if (request.Method == "POST" && request.Path == "/v1/analysis/video")
        {
            var jobs = request.Json().GetProperty("videoResponses").EnumerateArray()
                .Select(v => v.GetProperty("videoResponseId").GetString()!)
                .Select(id => new { jobId = $"job-{id}", videoResponseId = id });
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return context.Response.WriteAsJsonAsync(new { jobIds = jobs });
        }

        if (request.Method == "GET" && request.Path.StartsWith("/v1/analysis/video/", StringComparison.Ordinal))
        {
            return context.Response.WriteAsJsonAsync(new { jobId = request.Path["/v1/analysis/video/".Length..], status = "processing" });
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }
}

/// <summary>AppBackend (SQLite) whose AI backend and Slack are one <see cref="RecordingPeer"/>; alerts after 1 s of silence.</summary>
public sealed class PeerPipelineFixture : IAsyncLifetime
{
    /// <summary>A Standard Webhooks secret (32 random bytes, base64) beside the plain one: the rotation list takes both.</summary>
    public const string StandardWebhooksSecret = "whsec_Ss2FGPX8UhL0kM3vS9kq0dPZ2cYb7nQv3Jx1rTzA4eU=";

    public RecordingPeer Peer { get; } = new();

    public AppBackendFactory App { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("appbackend-media-").FullName;

    public async Task InitializeAsync()
    {
        await Peer.StartAsync();
        Database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "peerpipeline");
        var port = FreeTcpPort.Pick();
        App = new AppBackendFactory(Database.Provider, Database.ConnectionString, new Dictionary<string, string?>
        {
            ["AI_BACKEND_URL"] = Peer.Url.ToString(),
            ["AI_CALLBACK_SECRET"] = $"{TestSecrets.CallbackSecret},{StandardWebhooksSecret}",
            ["PUBLIC_BASE_URL"] = $"http://127.0.0.1:{port}",
            ["SLACK_WEBHOOK_URL"] = Peer.SlackUrl.ToString(),
            ["Media:Root"] = MediaRoot,
            ["Analysis:DispatchWorkerEnabled"] = "true",
            ["Analysis:MonitorWorkerEnabled"] = "true",
            ["Analysis:DispatchIdleDelay"] = "00:00:00.050",
            ["Analysis:PollInterval"] = "00:00:00.200",
            ["Analysis:PollAfter"] = "00:10:00",
            ["Analysis:AlertAfter"] = "00:00:01",
        }, port);
        App.StartServer();
    }

    public HttpClient Client(string? token = null)
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Peer.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(MediaRoot, recursive: true);
    }
}
