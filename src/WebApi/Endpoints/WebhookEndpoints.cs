using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Webhooks;
using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppBackend.WebApi.Endpoints;

/// <summary>
/// <c>POST /webhooks/analysis-ready</c> (contract section 2). Authenticated by its signature only: the raw bytes
/// are verified before anything parses them, and nothing is acknowledged that was not stored.
/// </summary>
public static class WebhookEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    // Strict numbers: "overallScore": "83" is a malformed body, as in the rest of the API.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/analysis-ready", ReceiveAnalysisResult)
            .WithTags("Webhooks")
            .AllowAnonymous()
            .WithMetadata(new ActorMetadata(Actors.AiBackend))
            .Accepts<WebhookPayload>("application/json");
        return app;
    }

    public static async Task<Results<Ok<WebhookAnswer>, ProblemHttpResult>> ReceiveAnalysisResult(
        HttpRequest request, WebhookSignatureVerifier verifier, ISender sender, IAnalysisMetrics metrics, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            metrics.WebhookReceived("too_large");
            return WebhookProblems.TooLarge();
        }

        if (!IsSigned(request, body, verifier))
        {
            metrics.WebhookReceived("bad_signature");
            return WebhookProblems.BadSignature();
        }

        WebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<WebhookPayload>(body, Json);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            metrics.WebhookReceived("malformed");
            return WebhookProblems.Malformed();
        }

        Result<ResultApplication> result;
        try
        {
            result = await sender.Send(
                new ApplyAnalysisResultCommand(payload.JobId, payload.VideoResponseId, payload.Status, payload.OverallScore, payload.AiAnalysisId, payload.Error),
                cancellationToken);
        }
        catch (ValidationException)
        {
            metrics.WebhookReceived("malformed");
            throw;
        }

        var answer = result.IsSuccess ? StatusNames.Of(result.Value) : StatusNames.NotFound;
        metrics.WebhookReceived(answer);
        return result.IsSuccess ? TypedResults.Ok(new WebhookAnswer(answer)) : result.Error.ToProblem();
    }

    private static bool IsSigned(HttpRequest request, byte[] body, WebhookSignatureVerifier verifier)
    {
        var headers = request.Headers;
        if (headers.TryGetValue("X-Signature", out var signature))
        {
            return verifier.VerifyXSignature(body, signature.ToString());
        }

        return verifier.VerifyStandardWebhooks(
            body, headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString());
    }

    /// <summary>The exact bytes received, or null when they exceed <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > MaxBodyBytes)
            {
                return null;
            }

            // The usual case: one array of the declared size (Kestrel refuses a body that ends before it or runs past it).
            var exact = new byte[declared];
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        // Chunked: read into a pooled buffer, stopping one byte past the limit.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = 0;
            while (length <= MaxBodyBytes)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), cancellationToken);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>The webhook body (contract section 2).</summary>
public sealed record WebhookPayload(
    string? JobId, string? VideoResponseId, string? Status, double? OverallScore, string? AiAnalysisId, string? Error);

/// <summary><c>applied</c>, <c>duplicate</c> or <c>stale</c>.</summary>
public sealed record WebhookAnswer(string Result);
