namespace AppBackend.Infrastructure.Alerts;

public sealed class SlackOptions
{
    public const string WebhookUrlKey = "SLACK_WEBHOOK_URL";

    /// <summary>A Slack incoming-webhook URL; without one, alerts are only logged. It is a secret: never logged.</summary>
    public Uri? WebhookUrl { get; set; }
}
