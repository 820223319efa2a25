using AppBackend.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AppBackend.IntegrationTests.Observability;

/// <summary>
/// Traces are exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (README), and only then recorded:
/// without an exporter every request would pay for a span and its tags that go nowhere (benchmarks/README.md finding 26).
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "tracing");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Traces_WithoutAnOtlpEndpoint_AreNotRecorded()
    {
        await using var app = new AppBackendFactory(_database.Provider, _database.ConnectionString);

        app.Services.GetService<TracerProvider>().Should().BeNull();
    }

    [Fact]
    public async Task Traces_WithAnOtlpEndpoint_AreRecordedForExport()
    {
        // Nothing listens there: the exporter's failures stay inside OpenTelemetry, and the test needs only the provider.
        var settings = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreeTcpPort.Pick()}" };
        await using var app = new AppBackendFactory(_database.Provider, _database.ConnectionString, settings);

        app.Services.GetService<TracerProvider>().Should().NotBeNull();
    }
}
