using System.Text.Json;

namespace AppBackend.IntegrationTests.Transport;

/// <summary>
/// The WebApi's runtime configuration, as <c>dotnet AppBackend.WebApi.dll</c> reads it (the build next to the tests,
/// which <see cref="Fixtures.WebApiProcess"/> starts; a publish writes the same file): idle thread-pool workers do not
/// spin for work (benchmarks/README.md finding 27).
/// </summary>
public sealed class ThreadPoolSettingsTests
{
    [Fact]
    public void RuntimeConfiguration_OfTheWebApi_TurnsOffTheThreadPoolsSpinWait()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "AppBackend.WebApi.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));

        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().Should().Be(0);
    }
}
