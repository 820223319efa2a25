using AppBackend.Infrastructure.Persistence;
using AppBackend.WebApi.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>AppBackend on real Kestrel (127.0.0.1, a free port) with the given database and settings.</summary>
public sealed class AppBackendFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logCapture;
    private readonly Action<IServiceCollection>? _testServices;
    private readonly string _environment;

    /// <param name="port">A fixed loopback port (so <c>PUBLIC_BASE_URL</c> can name it before start), or 0 for any free one.</param>
    /// <param name="testServices">Replaces services after the application's own (a test clock, a request recorder).</param>
    /// <param name="environment">The host environment; <c>Development</c> maps the dev token endpoint.</param>
    public AppBackendFactory(
        string provider,
        string connectionString,
        IReadOnlyDictionary<string, string?>? settings = null,
        int port = 0,
        ILoggerProvider? logCapture = null,
        Action<IServiceCollection>? testServices = null,
        string environment = "Testing")
    {
        _logCapture = logCapture;
        _testServices = testServices;
        _environment = environment;
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Logging:LogLevel:Default"] = "Warning",

            // API-only tests: nothing listens here and no worker dispatches; dispatch tests override these.
            ["AI_BACKEND_URL"] = "http://127.0.0.1:9",
            ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
            ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
            ["PUBLIC_BASE_URL"] = "http://127.0.0.1:9",
            ["Media:SigningKey"] = TestSecrets.MediaSigningKey,
            ["Analysis:DispatchWorkerEnabled"] = "false",
            ["Analysis:MonitorWorkerEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _settings = all;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
    }

    /// <summary>A setting this instance was started with.</summary>
    public string? Setting(string key) => _settings.GetValueOrDefault(key);

    /// <summary>
    /// Started like an instance behind a load balancer: the tests begin once it is ready, its database migrated
    /// (<see cref="DatabaseStartup"/> runs the migrations once the server listens).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        // The factory's UseKestrel registers Kestrel's services again, after all of the app's: Kestrel's memory pool
        // factory would then win over the app's, which in production comes after WebApplication.CreateBuilder's.
        builder.ConfigureServices(services => services.AddLargeTransportBuffers());
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<DatabaseStartup>().WaitUntilReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
        host.Services.GetRequiredService<DatabaseStartup>().ThrowIfFailed();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (_logCapture is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logCapture));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }
}
