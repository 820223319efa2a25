using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace AppBackend.Infrastructure.AnalysisBackend;

/// <summary>
/// Contract section 3: retry 408, 429, 5xx, connect failures and attempt timeouts after the configured waits
/// (a <c>Retry-After</c> of at most a minute replaces the wait); never retry anything else (400, 401, 403, 409…).
/// </summary>
internal static class AiBackendResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, AnalysisOptions options, TimeProvider clock)
    {
        // Waits and timeouts run on the app's clock, so tests drive them with a fake one.
        pipeline.TimeProvider = clock;
        var delays = options.ParsedRetryDelays();
        if (delays.Count > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = delays.Count,
                ShouldRetryAfterHeader = false,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RetryAfter(args.Outcome.Result, options.MaxRetryAfter, clock) ?? delays[Math.Min(args.AttemptNumber, delays.Count - 1)]),
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan ceiling, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta
            ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is { } value && value >= TimeSpan.Zero && value <= ceiling ? value : null;
    }
}
