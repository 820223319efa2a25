using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>
/// Stands in for the AI backend at the bottom of the HTTP pipeline: answers each attempt with the next scripted
/// step and records what the attempt carried and when (on the fake clock) it arrived.
/// </summary>
internal sealed class ScriptedHttpHandler(FakeTimeProvider clock) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedAttempt> _attempts = [];
    private readonly Lock _lock = new();
    private int _abandoned;

    public IReadOnlyList<RecordedAttempt> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public int AttemptCount
    {
        get
        {
            lock (_lock)
            {
                return _attempts.Count;
            }
        }
    }

    /// <summary>How many hanging attempts saw their cancellation token fire (the caller gave up on them).</summary>
    public int AbandonedAttempts => Volatile.Read(ref _abandoned);

    public ScriptedHttpHandler Respond(HttpStatusCode status, string? json = null, TimeSpan? retryAfter = null)
    {
        _script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHttpHandler Respond(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            Respond(status);
        }

        return this;
    }

    public ScriptedHttpHandler Respond(Func<HttpResponseMessage> response)
    {
        _script.Enqueue((_, _) => Task.FromResult(response()));
        return this;
    }

    /// <summary>The connection cannot be made (what SocketsHttpHandler throws on a refused connect).</summary>
    public ScriptedHttpHandler RefuseConnection()
    {
        _script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (ai-backend.test:443)")));
        return this;
    }

    /// <summary>Never answers: waits until the caller gives up on the attempt.</summary>
    public ScriptedHttpHandler Hang()
    {
        _script.Enqueue(async (_, cancellationToken) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                throw;
            }

            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (_lock)
        {
            _attempts.Add(new RecordedAttempt(
                request.Method,
                request.RequestUri,
                request.Headers.Authorization,
                request.Headers.TryGetValues("Idempotency-Key", out var keys) ? string.Join(",", keys) : null,
                request.Headers.TryGetValues("X-Request-Id", out var ids) ? string.Join(",", ids) : null,
                body,
                clock.GetUtcNow()));
            if (!_script.TryDequeue(out step!))
            {
                throw new InvalidOperationException($"The script has no answer for attempt {_attempts.Count}.");
            }
        }

        var response = await step(request, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedAttempt(
    HttpMethod Method,
    Uri? RequestUri,
    AuthenticationHeaderValue? Authorization,
    string? IdempotencyKey,
    string? RequestId,
    string? Body,
    DateTimeOffset ArrivedAt);
