using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// The whole pipeline over real HTTP: the AI backend simulator and AppBackend, each on its own loopback port,
/// AppBackend's dispatch and monitor workers running, alerts going to an <see cref="HttpRecorder"/> standing in for Slack.
/// Waits are scaled down (retry delays 1:4:16 become 0.1 s:0.4 s:1.6 s) so the suite stays fast.
/// </summary>
public abstract class PipelineFixture(DatabaseKind kind) : IAsyncLifetime
{
    private readonly List<AppBackendFactory> _instances = [];
    private WebApplication? _simulator;

    public DatabaseKind Kind { get; } = kind;

    public TestDatabase Database { get; private set; } = null!;

    public Uri SimulatorUrl { get; private set; } = null!;

    public SimulatorControl Simulator { get; private set; } = null!;

    public HttpRecorder Slack { get; } = new();

    /// <summary>Where this fixture's instances keep uploaded videos (one fresh temp directory).</summary>
    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("appbackend-media-").FullName;

    /// <summary>Every line every AppBackend instance of this fixture logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The first AppBackend instance.</summary>
    public AppBackendFactory App => _instances[0];

    /// <summary>Settings of every AppBackend instance of this fixture, over the pipeline defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        await Slack.StartAsync();
        _simulator = await TestSimulator.StartAsync();
        SimulatorUrl = new Uri(_simulator.Urls.First());
        Simulator = new SimulatorControl(new HttpClient { BaseAddress = SimulatorUrl });

        Database = await TestDatabase.CreateAsync(Kind, GetType().Name.ToLowerInvariant());
        await StartInstanceAsync();
    }

    /// <summary>Starts another AppBackend instance on the same database (a second server of one deployment).</summary>
    /// <param name="testServices">Replaces services of this instance only (a test clock).</param>
    public Task<AppBackendFactory> StartInstanceAsync(
        IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? testServices = null)
    {
        var port = FreeTcpPort.Pick();
        var settings = new Dictionary<string, string?>
        {
            ["AI_BACKEND_URL"] = SimulatorUrl.ToString(),
            ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
            ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
            ["PUBLIC_BASE_URL"] = $"http://127.0.0.1:{port}",
            ["SLACK_WEBHOOK_URL"] = Slack.Url.ToString(),
            ["Media:Root"] = MediaRoot,
            ["Analysis:DispatchWorkerEnabled"] = "true",
            ["Analysis:MonitorWorkerEnabled"] = "true",
            ["Analysis:RetryDelays"] = "00:00:00.100,00:00:00.400,00:00:01.600",
            ["Analysis:DispatchIdleDelay"] = "00:00:00.050",
            ["Analysis:PollInterval"] = "00:00:00.200",
            ["Analysis:PollAfter"] = "00:01:00",
            ["Analysis:AlertAfter"] = "01:00:00",
            ["Analysis:AlertRetryDelay"] = "00:00:00.200",
            ["Events:LogCheckInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in Settings.Concat(extra ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        var instance = new AppBackendFactory(Database.Provider, Database.ConnectionString, settings, port, Logs, testServices);
        instance.StartServer();
        _instances.Add(instance);
        return Task.FromResult(instance);
    }

    /// <summary>Stops an instance the way a crash leaves things: whatever it had not saved is simply gone.</summary>
    public async Task StopInstanceAsync(AppBackendFactory instance)
    {
        _instances.Remove(instance);
        await instance.DisposeAsync();
    }

    public HttpClient Client(string? token = null, AppBackendFactory? instance = null)
    {
        var client = (instance ?? App).CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        await Slack.DisposeAsync();
        Directory.Delete(MediaRoot, recursive: true);
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
