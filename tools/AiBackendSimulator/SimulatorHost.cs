using AppBackend.AiBackendSimulator.Analysis;
using AppBackend.AiBackendSimulator.Auth;
using AppBackend.AiBackendSimulator.Configuration;
using AppBackend.AiBackendSimulator.Control;
using AppBackend.AiBackendSimulator.Http;
using AppBackend.AiBackendSimulator.State;
using AppBackend.AiBackendSimulator.Webhooks;
using AppBackend.AiBackendSimulator.Worker;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppBackend.AiBackendSimulator;

/// <summary>
/// Builds the simulator as an ordinary ASP.NET app, so that it runs alone (<c>dotnet run</c>)
/// and inside integration tests on a real Kestrel port (<c>--urls http://127.0.0.1:0</c>,
/// then <c>StartAsync</c>, then read <c>app.Urls</c>).
/// </summary>
public static class SimulatorHost
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    private static readonly Dictionary<string, string?> QuietFrameworkLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Not the test host's name when started in-process by the integration tests.
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
        });

        // Lowest-priority defaults: any appsettings file, environment variable or argument wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietFrameworkLogging });

        AddServices(builder.Services);
        configure?.Invoke(builder);

        if (!HasConfiguredAddresses(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();
        WarnAboutDevelopmentSecrets(app);

        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapAnalysisEndpoints();
        app.MapControlEndpoints();
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        // Read lazily, so that configuration added by the configure callback is seen.
        services.AddSingleton(provider => SimulatorConfiguration.From(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<SimulatorState>();
        services.AddSingleton<BackendTokenValidator>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<VideoFetcher>();
        services.AddHostedService<SimulatorWorker>();

        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(VideoFetcher.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => SimulatorJson.Apply(options.SerializerOptions));
    }

    private static bool HasConfiguredAddresses(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    private static void WarnAboutDevelopmentSecrets(WebApplication app)
    {
        // Resolving here also fails the start at once when a setting is invalid.
        var configuration = app.Services.GetRequiredService<SimulatorConfiguration>();
        if (configuration.BackendSecretIsDevDefault)
        {
            app.Logger.LogWarning("AI_BACKEND_SECRET is not set; accepting JWTs signed with the development default");
        }

        if (configuration.CallbackSecretIsDevDefault)
        {
            app.Logger.LogWarning("AI_CALLBACK_SECRET is not set; signing webhooks with the development default");
        }
    }
}
