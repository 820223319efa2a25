namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>One item of a <c>text/event-stream</c>: an event (type, id, data), or a comment line.</summary>
public sealed record ServerSentEvent(string? Type, string? Id, string Data, string? Comment = null)
{
    public bool IsComment => Comment is not null;

    /// <summary>The id as the number AppBackend sends there (the application's version).</summary>
    public long Version => long.Parse(Id ?? throw new InvalidOperationException("The event has no id."), System.Globalization.CultureInfo.InvariantCulture);
}
