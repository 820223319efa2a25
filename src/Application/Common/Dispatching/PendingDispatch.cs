namespace AppBackend.Application.Common.Dispatching;

/// <summary>
/// The durable record that an application is owed a dispatch to the AI backend. Written in the same
/// transaction as the submit or retry that makes it owed; removed once the dispatch has an outcome.
/// Its id is the dispatch attempt's idempotency key, so a resumed dispatch reuses it.
/// </summary>
public sealed class PendingDispatch
{
    private PendingDispatch()
    {
    }

    public PendingDispatch(string idempotencyKey, string applicationId, DateTimeOffset now)
    {
        IdempotencyKey = idempotencyKey;
        ApplicationId = applicationId;
        CreatedAt = now;
        DueAt = now;
    }

    public string IdempotencyKey { get; private set; } = string.Empty;

    public string ApplicationId { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not claimed before this moment.</summary>
    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The worker holding the claim, if any; a claim expires at <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>How many times a worker has claimed it (a claim that never finished is resumed).</summary>
    public int Claims { get; private set; }
}
