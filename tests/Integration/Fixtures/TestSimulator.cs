using AppBackend.AiBackendSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>The AI backend simulator the pipeline fixtures run in the test process: the test secrets, quick completions and callback retries.</summary>
public static class TestSimulator
{
    /// <summary>Starts one on a free loopback port; its address is <c>Urls.First()</c>.</summary>
    public static async Task<WebApplication> StartAsync()
    {
        var simulator = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
                ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
                ["Simulator:CompleteAfter"] = "00:00:00.100",
                ["Simulator:CallbackRetryDelays"] = "00:00:00.050,00:00:00.100,00:00:00.200",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        await simulator.StartAsync();
        return simulator;
    }
}
