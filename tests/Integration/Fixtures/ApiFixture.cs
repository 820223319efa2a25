using System.Net.Http.Headers;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>One AppBackend instance on its own fresh database, shared by the tests of one class.</summary>
public abstract class ApiFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppBackendFactory? _factory;

    public DatabaseKind Kind { get; } = kind;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not started.");

    public AppBackendFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Extra configuration for this fixture's AppBackend.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kind, GetType().Name.ToLowerInvariant());
        _factory = new AppBackendFactory(_database.Provider, _database.ConnectionString, Settings);
        _factory.StartServer();
    }

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteApiFixture() : ApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresApiFixture() : ApiFixture(DatabaseKind.Postgres);
