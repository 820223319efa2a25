namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>An AppBackend whose SQLite log watcher and keep-alives run fast enough for the event-stream tests.</summary>
public abstract class EventsApiFixture(DatabaseKind kind) : ApiFixture(kind)
{
    public static readonly IReadOnlyDictionary<string, string?> FastEvents = new Dictionary<string, string?>
    {
        ["Events:LogCheckInterval"] = "00:00:00.050",
        ["Events:KeepAliveInterval"] = "00:00:01",
    };

    protected override IReadOnlyDictionary<string, string?> Settings => FastEvents;
}

public sealed class SqliteEventsApiFixture() : EventsApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresEventsApiFixture() : EventsApiFixture(DatabaseKind.Postgres);
