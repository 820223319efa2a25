namespace AppBackend.AiBackendSimulator.State;

/// <summary>One webhook delivery attempt with what was sent, as shown by <c>GET /control/callbacks</c>.</summary>
public sealed record CallbackAttempt(
    string JobId,
    int Delivery,
    int Attempt,
    DateTimeOffset At,
    string Url,
    int? StatusCode,
    string? Error,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
