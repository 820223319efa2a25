namespace AppBackend.IntegrationTests.Fixtures;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
