using System.Net.Http.Headers;
using System.Text;
using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Webhooks;

/// <summary>Makes one delivery attempt of a webhook and reports what happened; retrying is the state's business.</summary>
public sealed class WebhookSender(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    public async Task<CallbackAttempt> SendAsync(WebhookMessage message, ScheduledDelivery delivery, CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        var headers = WebhookSigner.Headers(message, at);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.CallbackUrl)
        {
            Content = new ReadOnlyMemoryContent(message.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        int? statusCode = null;
        string? error = null;
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            statusCode = (int)response.StatusCode;
        }
        catch (HttpRequestException exception)
        {
            error = exception.HttpRequestError == HttpRequestError.Unknown
                ? exception.Message
                : $"{exception.HttpRequestError}: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }

        logger.LogInformation(
            "Webhook for {JobId} (delivery {Delivery}, attempt {Attempt}) to {CallbackUrl}: {Outcome}",
            message.JobId, delivery.Delivery, delivery.Attempt, message.CallbackUrl, statusCode?.ToString() ?? error);

        return new CallbackAttempt(
            message.JobId, delivery.Delivery, delivery.Attempt, at, message.CallbackUrl.ToString(),
            statusCode, error, headers, Encoding.UTF8.GetString(message.Body.Span));
    }
}
