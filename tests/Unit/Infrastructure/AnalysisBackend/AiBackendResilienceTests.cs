using System.Net;
using System.Net.Http.Headers;
using AppBackend.Infrastructure.AnalysisBackend;
using Polly.Timeout;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>
/// Contract section 3 through the real HTTP pipeline (resilience handler, per-attempt JWT handler) on a fake
/// clock: 408, 429, 5xx, connect failures and attempt timeouts are retried after 1 s, 4 s and 16 s with the same
/// Idempotency-Key and a fresh JWT; a Retry-After of at most 60 s replaces the wait; nothing else is retried.
/// </summary>
public sealed class AiBackendResilienceTests : IAsyncLifetime
{
    private const string Key = "0195f0c4a7b27c3e9d1e2f3a4b5c6d7e-1";
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(5);

    private readonly AiBackendPipeline _pipeline = AiBackendPipeline.Compose();

    public static TheoryData<HttpStatusCode> NeverRetried =>
    [
        HttpStatusCode.BadRequest,
        HttpStatusCode.Unauthorized,
        HttpStatusCode.Forbidden,
        HttpStatusCode.Conflict,
    ];

    public static TheoryData<HttpStatusCode> Retried =>
    [
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private DateTimeOffset Start => AiBackendPipeline.Start;

    private ScriptedHttpHandler Server => _pipeline.Server;

    private SchedulingClock Clock => _pipeline.Clock;

    [Fact]
    public async Task SendAsync_When503Twice_RetriesAfterOneThenFourSeconds()
    {
        Server.Respond(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);

        await Clock.WaitUntilScheduledAsync(Start.AddSeconds(1));
        Clock.Advance(TimeSpan.FromMilliseconds(999));
        Server.AttemptCount.Should().Be(1, "the first retry waits the full second");
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await _pipeline.WaitForAttemptsAsync(2);

        await Clock.WaitUntilScheduledAsync(Start.AddSeconds(5));
        Clock.Advance(TimeSpan.FromMilliseconds(3999));
        Server.AttemptCount.Should().Be(2, "the second retry waits four more seconds");
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await _pipeline.WaitForAttemptsAsync(3);

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(1), Start.AddSeconds(5));
        Clock.PendingWakeups.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_OnEveryRetry_SendsTheSameIdempotencyKeyAndBodyWithAFreshJwt()
    {
        Server.Respond(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4));
        using var response = await send.WaitAsync(AnswerLimit);

        var attempts = Server.Attempts;
        attempts.Should().HaveCount(3);
        attempts.Should().AllSatisfy(a =>
        {
            a.IdempotencyKey.Should().Be(Key);
            a.Body.Should().Be(attempts[0].Body).And.Contain("\"apiVersion\":\"1.0.0\"");
            a.Authorization.Should().NotBeNull();
            a.Authorization!.Scheme.Should().Be("Bearer");
        });

        var tokens = attempts.Select(a => a.Authorization!.Parameter!).ToList();
        tokens.Should().OnlyHaveUniqueItems();
        var payloads = tokens.Select(Jwt.Payload).ToList();
        payloads.Select(p => p.GetProperty("jti").GetString()).Should().OnlyHaveUniqueItems().And.NotContainNulls();
        for (var i = 0; i < attempts.Count; i++)
        {
            var token = tokens[i];
            var payload = payloads[i];
            Jwt.Header(token).GetProperty("alg").GetString().Should().Be("HS256");
            Jwt.IsSignedWith(token, AiBackendPipeline.Secret).Should().BeTrue();
            payload.GetProperty("iss").GetString().Should().Be("app-backend");
            payload.GetProperty("aud").GetString().Should().Be("ai-backend");
            var issuedAt = payload.GetProperty("iat").GetInt64();
            issuedAt.Should().Be(attempts[i].ArrivedAt.ToUnixTimeSeconds(), "each attempt's token is minted when the attempt is made");
            payload.GetProperty("nbf").GetInt64().Should().Be(issuedAt);
            payload.GetProperty("exp").GetInt64().Should().BeGreaterThan(issuedAt).And.BeLessThanOrEqualTo(issuedAt + (15 * 60));
        }
    }

    [Fact]
    public async Task SendAsync_When500FourTimes_GivesUpAfterFourAttemptsAndReturnsThe500()
    {
        Server.Respond(Enumerable.Repeat(HttpStatusCode.InternalServerError, 4).ToArray());

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(16));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(1), Start.AddSeconds(5), Start.AddSeconds(21));
        Clock.PendingWakeups.Should().BeEmpty("there is no fifth attempt");
    }

    [Theory]
    [MemberData(nameof(NeverRetried))]
    public async Task SendAsync_WhenRefused_DoesNotRetry(HttpStatusCode status)
    {
        Server.Respond(status, """{"error":"no"}""").Respond(HttpStatusCode.Accepted);

        using var response = await _pipeline.StartPost(Key).WaitAsync(AnswerLimit);

        response.StatusCode.Should().Be(status);
        Server.AttemptCount.Should().Be(1);
        Clock.PendingWakeups.Should().BeEmpty();
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    public async Task SendAsync_WhenAccepted_MakesOneAttempt(HttpStatusCode status)
    {
        Server.Respond(status, """{"jobIds":[]}""");

        using var response = await _pipeline.StartPost(Key).WaitAsync(AnswerLimit);

        response.StatusCode.Should().Be(status);
        Server.AttemptCount.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Retried))]
    public async Task SendAsync_WhenTransient_RetriesAfterOneSecond(HttpStatusCode status)
    {
        Server.Respond(status).Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(1));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 2)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 7)]
    [InlineData(HttpStatusCode.TooManyRequests, 60)]
    public async Task SendAsync_WithRetryAfterOfAtMostAMinute_WaitsThatLongInstead(HttpStatusCode status, int seconds)
    {
        Server.Respond(status, retryAfter: TimeSpan.FromSeconds(seconds)).Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await Clock.WaitUntilScheduledAsync(Start.AddSeconds(seconds));
        Clock.PendingWakeups.Should().NotContain(Start.AddSeconds(1), "Retry-After replaces the configured 1 s");
        Clock.Advance(TimeSpan.FromSeconds(1));
        Server.AttemptCount.Should().Be(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(seconds - 1));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Server.Attempts[1].ArrivedAt.Should().Be(Start.AddSeconds(seconds));
    }

    [Theory]
    [InlineData(61)]
    [InlineData(120)]
    public async Task SendAsync_WithRetryAfterOverAMinute_IgnoresItAndWaitsTheConfiguredSecond(int seconds)
    {
        Server.Respond(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(seconds)).Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Server.Attempts[1].ArrivedAt.Should().Be(Start.AddSeconds(1));
    }

    [Fact]
    public async Task SendAsync_WithRetryAfterAsADate_WaitsUntilThatMoment()
    {
        Server.Respond(() =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
                response.Headers.RetryAfter = new RetryConditionHeaderValue(Start.AddSeconds(3));
                return response;
            })
            .Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(3));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task SendAsync_WithRetryAfterOnALaterRetry_ReplacesOnlyThatWait()
    {
        Server.Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(10))
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(10));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(16));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(1), Start.AddSeconds(11), Start.AddSeconds(27));
    }

    [Fact]
    public async Task SendAsync_WhenTheConnectionFails_RetriesAfterOneSecond()
    {
        Server.RefuseConnection().Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Server.Attempts.Should().HaveCount(2).And.AllSatisfy(a => a.IdempotencyKey.Should().Be(Key));
    }

    [Fact]
    public async Task SendAsync_WhenTheConnectionFailsEveryTime_ThrowsAfterFourAttempts()
    {
        Server.RefuseConnection().RefuseConnection().RefuseConnection().RefuseConnection();

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(4));
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(16));

        var act = () => send.WaitAsync(AnswerLimit);
        (await act.Should().ThrowAsync<HttpRequestException>()).Which.HttpRequestError.Should().Be(HttpRequestError.ConnectionError);
        Server.AttemptCount.Should().Be(4);
    }

    [Fact]
    public async Task SendAsync_WhenAnAttemptNeverAnswers_AbandonsItAfterThirtySecondsAndRetries()
    {
        Server.Hang().Respond(HttpStatusCode.Accepted);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        await Clock.WaitUntilScheduledAsync(Start.AddSeconds(30));
        Clock.Advance(TimeSpan.FromMilliseconds(29_999));
        Server.AbandonedAttempts.Should().Be(0);
        send.IsCompleted.Should().BeFalse();

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => Server.AbandonedAttempts == 1, () => "the hanging attempt was not cancelled at 30 s");
        await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(31));
        Server.Attempts[1].IdempotencyKey.Should().Be(Key);
    }

    [Fact]
    public async Task SendAsync_WhenEveryAttemptTimesOut_ThrowsTimeoutRejectedAfterFourAttempts()
    {
        Server.Hang().Hang().Hang().Hang();
        var attemptTimeout = TimeSpan.FromSeconds(30);

        var send = _pipeline.StartPost(Key);
        await _pipeline.WaitForAttemptsAsync(1);
        foreach (var wait in new[] { 1, 4, 16 })
        {
            await _pipeline.TimeOutAttemptAsync(attemptTimeout);
            await _pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(wait));
        }

        await _pipeline.TimeOutAttemptAsync(attemptTimeout);

        await send.Awaiting(s => s.WaitAsync(AnswerLimit)).Should().ThrowAsync<TimeoutRejectedException>();
        Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(31), Start.AddSeconds(65), Start.AddSeconds(111));
        Server.AbandonedAttempts.Should().Be(4);
    }

    [Fact]
    public async Task SendAsync_WhenTheCallerCancelsDuringAWait_StopsWithoutAnotherAttempt()
    {
        Server.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.Accepted);
        using var cancellation = new CancellationTokenSource();

        var send = _pipeline.StartPost(Key, cancellation.Token);
        await _pipeline.WaitForAttemptsAsync(1);
        await Clock.WaitUntilScheduledAsync(Start.AddSeconds(1));
        await cancellation.CancelAsync();

        await send.Awaiting(s => s.WaitAsync(AnswerLimit)).Should().ThrowAsync<OperationCanceledException>();
        Clock.Advance(TimeSpan.FromMinutes(1));
        Server.AttemptCount.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_WithOtherConfiguredDelays_RetriesOncePerDelay()
    {
        await using var pipeline = AiBackendPipeline.Compose(new AnalysisOptions { RetryDelays = "00:00:02, 00:00:00.500" });
        pipeline.Server.Respond(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway);

        var send = pipeline.StartPost(Key);
        await pipeline.WaitForAttemptsAsync(1);
        await pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(2));
        await pipeline.AdvanceThroughWaitAsync(TimeSpan.FromMilliseconds(500));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        pipeline.Server.Attempts.Select(a => a.ArrivedAt).Should().Equal(Start, Start.AddSeconds(2), Start.AddSeconds(2.5));
    }

    [Fact]
    public async Task SendAsync_WithNoConfiguredDelays_MakesOneAttempt()
    {
        await using var pipeline = AiBackendPipeline.Compose(new AnalysisOptions { RetryDelays = string.Empty });
        pipeline.Server.Respond(HttpStatusCode.ServiceUnavailable);

        using var response = await pipeline.StartPost(Key).WaitAsync(AnswerLimit);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        pipeline.Server.AttemptCount.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_WithAShorterAttemptTimeout_AbandonsTheAttemptThen()
    {
        await using var pipeline = AiBackendPipeline.Compose(new AnalysisOptions { AttemptTimeout = TimeSpan.FromSeconds(5) });
        pipeline.Server.Hang().Respond(HttpStatusCode.Accepted);

        var send = pipeline.StartPost(Key);
        await pipeline.WaitForAttemptsAsync(1);
        await pipeline.TimeOutAttemptAsync(TimeSpan.FromSeconds(5));
        await pipeline.AdvanceThroughWaitAsync(TimeSpan.FromSeconds(1));

        using var response = await send.WaitAsync(AnswerLimit);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        pipeline.Server.Attempts[1].ArrivedAt.Should().Be(Start.AddSeconds(6));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();
}
