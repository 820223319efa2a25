namespace AppBackend.Infrastructure.Persistence;

public static class DatabaseProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
