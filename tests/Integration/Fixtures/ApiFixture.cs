using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>One AppBackend instance on its own fresh database, shared by the tests of one class.</summary>
public abstract class ApiFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppBackendFactory? _factory;
    private string? _mediaRoot;

    public DatabaseKind Kind { get; } = kind;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not started.");

    public AppBackendFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>This fixture's own <c>Media:Root</c>, a fresh temp directory.</summary>
    public string MediaRoot => _mediaRoot ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Extra configuration for this fixture's AppBackend.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The host environment of this fixture's AppBackend.</summary>
    protected virtual string Environment => "Testing";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kind, GetType().Name.ToLowerInvariant());
        _mediaRoot = Directory.CreateTempSubdirectory("appbackend-media-").FullName;
        var settings = new Dictionary<string, string?> { ["Media:Root"] = _mediaRoot };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new AppBackendFactory(_database.Provider, _database.ConnectionString, settings, environment: Environment);
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

    /// <summary>
    /// A client that sends a request body as it reads it. The default test client follows redirects itself, and
    /// to be able to send a body again it first copies the whole body into memory.
    /// </summary>
    public HttpClient StreamingClient(string token)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = Factory.ClientOptions.BaseAddress,
            AllowAutoRedirect = false,
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
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

        if (_mediaRoot is not null && Directory.Exists(_mediaRoot))
        {
            Directory.Delete(_mediaRoot, recursive: true);
        }
    }
}

public sealed class SqliteApiFixture() : ApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresApiFixture() : ApiFixture(DatabaseKind.Postgres);

/// <summary>AppBackend in Development (the dev token endpoint is mapped), on SQLite.</summary>
public sealed class DevelopmentApiFixture() : ApiFixture(DatabaseKind.Sqlite)
{
    protected override string Environment => "Development";
}
