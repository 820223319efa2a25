using System.Text;
using System.Text.Json;
using AppBackend.AiBackendSimulator.Auth;
using AppBackend.AiBackendSimulator.Http;
using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>The AI backend API that AppBackend calls (contract section 3).</summary>
public static class AnalysisEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/analysis/video");
        group.MapPost("", StartAnalysisAsync);
        group.MapGet("/{jobId}", GetJobAsync);
        return app;
    }

    /// <summary>Records every request first, then answers: 401, a scripted fault, 400, 409, or 202 with the job ids.</summary>
    private static async Task<IResult> StartAnalysisAsync(
        HttpContext context,
        SimulatorState state,
        BackendTokenValidator tokenValidator,
        IHostApplicationLifetime lifetime,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        var receivedAt = timeProvider.GetUtcNow();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var json = TryParseJson(text);
        var token = await tokenValidator.CheckAsync(context.Request.Headers.Authorization);
        string? idempotencyKey = context.Request.Headers[IdempotencyKeyHeader];
        string? requestId = context.Request.Headers[RequestIdMiddleware.HeaderName];
        var requestIndex = state.RecordRequest(new RecordedRequest(
            receivedAt, idempotencyKey, requestId, AnsweredStatus: null, token.Claims, (object?)json ?? NullIfEmpty(text)));

        var result = await AnswerAsync(context, state, token, idempotencyKey, json, lifetime, loggerFactory);
        if (result is IStatusCodeHttpResult { StatusCode: { } status })
        {
            state.SetAnsweredStatus(requestIndex, status);
        }

        return result;
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext context,
        SimulatorState state,
        TokenCheck token,
        string? idempotencyKey,
        JsonElement? json,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory)
    {
        if (!token.IsValid)
        {
            return Unauthorized(context, token.FailureReason!);
        }

        if (state.TakeFault() is { } fault)
        {
            return await AnswerWithFaultAsync(context, fault, lifetime);
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return Results.Problem(
                title: "Idempotency-Key required",
                detail: $"Send an {IdempotencyKeyHeader} header: one key per dispatch attempt, the same on every retry.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var parsed = AnalysisRequestParser.Parse(json);
        if (parsed.UnsupportedVersion is { } version)
        {
            return Results.Problem(
                title: "API version mismatch",
                detail: $"This AI backend implements API version {AnalysisRequestParser.SupportedMajorVersion}.x; the request asked for {version}.",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (parsed.Errors is { } errors)
        {
            return Results.ValidationProblem(
                errors,
                title: "Invalid analysis request",
                detail: "The body does not match the AI backend API (contract section 3).");
        }

        var batch = state.CreateJobsOnce(idempotencyKey, parsed.Request!);
        loggerFactory.CreateLogger(typeof(AnalysisEndpoints)).LogInformation(
            "Analysis of application {ApplicationId}: {Outcome} jobs {JobIds}",
            parsed.Request!.ApplicationId,
            batch.Replayed ? "replayed (same Idempotency-Key)" : "created",
            string.Join(", ", batch.JobIds.Select(entry => entry.JobId)));
        return Results.Json(new JobIdsResponse(batch.JobIds), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetJobAsync(
        string jobId,
        HttpContext context,
        SimulatorState state,
        BackendTokenValidator tokenValidator)
    {
        var token = await tokenValidator.CheckAsync(context.Request.Headers.Authorization);
        if (!token.IsValid)
        {
            return Unauthorized(context, token.FailureReason!);
        }

        return state.FindJobStatus(jobId) is { } job
            ? Results.Ok(job)
            : Results.Problem(title: "Job not found", detail: $"There is no job '{jobId}'.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AnswerWithFaultAsync(HttpContext context, Fault fault, IHostApplicationLifetime lifetime)
    {
        if (fault.Hang)
        {
            // Never answers: waits until the client gives up (or the simulator stops), then drops the connection.
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, hang.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }

            return Results.Empty;
        }

        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Problem(
            title: "Simulated fault",
            detail: "This answer was scripted through POST /control/faults.",
            statusCode: fault.Status ?? StatusCodes.Status500InternalServerError);
    }

    private static IResult Unauthorized(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
        return Results.Problem(title: "Unauthorized", detail: reason, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static JsonElement? TryParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
