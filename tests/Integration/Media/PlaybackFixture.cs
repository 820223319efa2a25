using System.Net.Http.Headers;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// AppBackend on a port its <c>PUBLIC_BASE_URL</c> names, so the URLs in its views are the ones an outside player
/// (ffprobe) fetches; its clock is a <see cref="FakeTimeProvider"/> started at the real time, which a test moves past
/// <c>Media:UrlLifetime</c> instead of waiting for it; and a log of the <c>/media</c> requests it served.
/// </summary>
public sealed class PlaybackFixture : IAsyncLifetime
{
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(10);

    private TestDatabase? _database;
    private AppBackendFactory? _factory;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public MediaRequestLog MediaRequests { get; } = new();

    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("appbackend-media-").FullName;

    public Uri PublicBaseUrl { get; private set; } = null!;

    /// <summary>A two-second H.264 MP4 made by ffmpeg.</summary>
    public byte[] Video { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Video = await Ffmpeg.TestPatternMp4Async(seconds: 2);
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "playback");
        var port = FreeTcpPort.Pick();
        PublicBaseUrl = new Uri($"http://127.0.0.1:{port}");
        _factory = new AppBackendFactory(
            _database.Provider,
            _database.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Media:Root"] = MediaRoot,
                ["Media:UrlLifetime"] = UrlLifetime.ToString(),
                ["PUBLIC_BASE_URL"] = PublicBaseUrl.ToString(),
            },
            port,
            testServices: services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IStartupFilter>(MediaRequests);
            });
        _factory.StartServer();
    }

    public HttpClient Client(string? token = null)
    {
        var client = _factory!.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public IServiceProvider Services => _factory!.Services;

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

        Directory.Delete(MediaRoot, recursive: true);
    }
}
