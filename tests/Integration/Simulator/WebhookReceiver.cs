using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Simulator;

/// <summary>
/// A tiny stand-in for AppBackend's webhook endpoint on a real loopback port: records every
/// request byte for byte and answers 200, or the statuses scripted with <see cref="AnswerNext"/>.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private const string Path = "/webhooks/analysis-ready";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _scriptedStatuses = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost(Path, ReceiveAsync);
    }

    public Uri CallbackUrl => new(new Uri(_app.Urls.Single()), Path);

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        return receiver;
    }

    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _scriptedStatuses.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(
            header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedWebhook(headers, body.ToArray()));
        return Results.StatusCode(_scriptedStatuses.TryDequeue(out var status) ? status : StatusCodes.Status200OK);
    }
}
