using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// A real HTTP endpoint on loopback that records every request body (standing in for Slack's incoming webhook).
/// It can be told to fail the next N requests.
/// </summary>
public sealed class HttpRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _bodies = new();
    private WebApplication? _app;
    private int _failuresLeft;
    private int _attempts;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<string> Bodies => [.. _bodies];

    public int Attempts => Volatile.Read(ref _attempts);

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _attempts);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            using var reader = new StreamReader(request.Body);
            _bodies.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await _app.StartAsync();
        Url = new Uri(_app.Urls.First() + "/slack");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
