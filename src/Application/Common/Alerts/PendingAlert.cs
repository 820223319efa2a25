namespace AppBackend.Application.Common.Alerts;

/// <summary>
/// An alert owed to operators, written in the same transaction as the fact it reports, and removed only once
/// Slack accepted it: a failed post is tried again later, never lost.
/// </summary>
public sealed class PendingAlert
{
    private PendingAlert()
    {
    }

    public PendingAlert(string id, string text, DateTimeOffset now)
    {
        Id = id;
        Text = text;
        CreatedAt = now;
        DueAt = now;
    }

    /// <summary>Deterministic per fact (for example <c>stuck-job:{jobId}</c>), so one fact never owes two alerts.</summary>
    public string Id { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>
    /// Takes the alert for one delivery attempt: it becomes due again only after a growing wait, so a failed post is
    /// retried later, and a concurrent instance (seeing the changed <see cref="Attempts"/>) does not post it too.
    /// </summary>
    public void Claim(DateTimeOffset now, TimeSpan firstRetry, TimeSpan maxRetry)
    {
        Attempts++;
        var wait = TimeSpan.FromTicks(Math.Min(maxRetry.Ticks, firstRetry.Ticks * (1L << Math.Min(Attempts - 1, 20))));
        DueAt = now + wait;
    }
}
