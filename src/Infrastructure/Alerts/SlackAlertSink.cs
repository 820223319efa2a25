using System.Net.Http.Json;
using AppBackend.Application.Common.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Alerts;

/// <summary>Posts Slack incoming-webhook JSON (<c>{ "text": "…" }</c>).</summary>
internal sealed partial class SlackAlertSink(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackAlertSink> logger) : IAlertSink
{
    public async Task<bool> SendAsync(string text, CancellationToken cancellationToken)
    {
        var url = options.Value.WebhookUrl;
        LogAlert(logger, text);
        if (url is null)
        {
            return true;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(url, new { text }, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused(logger, (int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, ex.HttpRequestError.ToString());
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, "timeout");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert: {Text}")]
    private static partial void LogAlert(ILogger logger, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused the alert with {StatusCode}")]
    private static partial void LogRefused(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack could not be reached for the alert: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
