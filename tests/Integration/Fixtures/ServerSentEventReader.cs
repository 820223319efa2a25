using System.Net.Http.Headers;
using System.Text;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// A small <c>text/event-stream</c> parser over an open response, for the event-stream tests. Every read is bounded
/// (10 s by default) and throws <see cref="TimeoutException"/> when nothing arrives: tests wait for what they
/// expect, never for a fixed time.
/// </summary>
public sealed class ServerSentEventReader : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ServerSentEventReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    /// <summary>Sends <c>GET {path}</c> and returns as soon as the headers are in (the body streams on).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    /// <summary>Takes over an open event-stream response (disposing the reader disposes it, which disconnects).</summary>
    public static async Task<ServerSentEventReader> ReadFromAsync(HttpResponseMessage response)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        return new ServerSentEventReader(response, await response.Content.ReadAsStreamAsync(timeout.Token));
    }

    /// <summary>The next event or comment line; null when the server ended the stream.</summary>
    public async Task<ServerSentEvent?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        string? type = null;
        string? id = null;
        StringBuilder? data = null;
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(cancellation.Token);
                if (line is null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    if (data is not null || type is not null)
                    {
                        return new ServerSentEvent(type, id, data?.ToString() ?? string.Empty);
                    }

                    continue;
                }

                if (line[0] == ':')
                {
                    if (data is null && type is null && id is null)
                    {
                        return new ServerSentEvent(null, null, string.Empty, line[1..].TrimStart(' '));
                    }

                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? string.Empty : line[(colon + 1)..];
                if (value.StartsWith(' '))
                {
                    value = value[1..];
                }

                switch (field)
                {
                    case "event":
                        type = value;
                        break;
                    case "id":
                        id = value;
                        break;
                    case "data":
                        data = data is null ? new StringBuilder(value) : data.Append('\n').Append(value);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing complete arrived on the event stream within {timeout ?? DefaultTimeout}.");
        }
    }

    /// <summary>The next event, passing over comment lines; throws when the stream ends first.</summary>
    public async Task<ServerSentEvent> NextEventAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var item = await ReadAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1))
                ?? throw new InvalidOperationException("The server ended the event stream.");
            if (!item.IsComment)
            {
                return item;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
