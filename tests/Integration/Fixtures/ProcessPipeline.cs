using Microsoft.AspNetCore.Builder;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// The AI backend simulator (in the test process) and AppBackend instances as real processes
/// (<see cref="WebApiProcess"/>, Production, configured through the environment only), on one database.
/// </summary>
public sealed class ProcessPipeline : IAsyncDisposable
{
    private readonly WebApplication _simulator;
    private readonly List<WebApiProcess> _processes = [];

    private ProcessPipeline(WebApplication simulator, Uri simulatorUrl, TestDatabase database)
    {
        _simulator = simulator;
        SimulatorUrl = simulatorUrl;
        Simulator = new SimulatorControl(new HttpClient { BaseAddress = simulatorUrl });
        Database = database;
    }

    public Uri SimulatorUrl { get; }

    public SimulatorControl Simulator { get; }

    public TestDatabase Database { get; }

    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("appbackend-media-").FullName;

    public static async Task<ProcessPipeline> StartAsync(DatabaseKind kind, string name)
    {
        var simulator = await TestSimulator.StartAsync();
        var database = await TestDatabase.CreateAsync(kind, name);
        return new ProcessPipeline(simulator, new Uri(simulator.Urls.First()), database);
    }

    /// <summary>Starts an AppBackend process on a free port and waits until it is ready.</summary>
    public async Task<(WebApiProcess Process, HttpClient Client)> StartInstanceAsync(IReadOnlyDictionary<string, string?>? extra = null, string? workingDirectory = null)
    {
        var port = FreeTcpPort.Pick();
        var url = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = url,
            ["Database__Provider"] = Database.Provider,
            ["ConnectionStrings__Default"] = Database.ConnectionString,
            ["Auth__SigningKey"] = TestTokens.SigningKey,
            ["AI_BACKEND_URL"] = SimulatorUrl.ToString(),
            ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
            ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
            ["PUBLIC_BASE_URL"] = url,
            ["Media__SigningKey"] = TestSecrets.MediaSigningKey,
            ["Media__Root"] = MediaRoot,
            ["Analysis__RetryDelays"] = "00:00:00.100,00:00:00.400,00:00:01.600",
            ["Analysis__DispatchIdleDelay"] = "00:00:00.050",
            ["Analysis__PollAfter"] = "00:01:00",
            ["Events__PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var process = WebApiProcess.Start(environment, workingDirectory);
        _processes.Add(process);
        var client = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.GetAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"AppBackend exited with {process.ExitCode}:\n{process.AllOutput}");
                }

                try
                {
                    return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ready => ready,
            "AppBackend ready",
            TimeSpan.FromSeconds(60));
        return (process, client);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _simulator.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(MediaRoot, recursive: true);
    }
}
