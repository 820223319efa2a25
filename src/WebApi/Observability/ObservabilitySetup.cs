using AppBackend.Infrastructure.Observability;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AppBackend.WebApi.Observability;

/// <summary>Logs (JSON in production, readable in Development), Prometheus metrics and traces.</summary>
internal static class ObservabilitySetup
{
    public const string ActivitySourceName = "AppBackend";

    /// <summary>The runtime's own meter (.NET 9 and later): GC collections and pauses, heap, thread pool, CPU, working set.</summary>
    private const string RuntimeMeterName = "System.Runtime";

    /// <summary>The one instrument with many tag sets (route × method × status): it keeps OpenTelemetry's default limit.</summary>
    private const string RequestDurationInstrument = "http.server.request.duration";

    /// <summary>
    /// Every metric stream allocates room for its whole cardinality limit up front: with the default of 2,000 tag sets
    /// that is about 180 KB a stream, 9 MB for the 50 streams here (benchmarks/README.md finding 26). Every other
    /// instrument has a handful of tag sets (a generation, an outcome, a kind).
    /// </summary>
    private const int SmallCardinalityLimit = 100;

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<string>("Logging:Format") is { } format
            ? format.Equals("json", StringComparison.OrdinalIgnoreCase)
            : !builder.Environment.IsDevelopment();
        builder.Logging.ClearProviders();
        if (json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.ColorBehavior = LoggerColorBehavior.Default;
            });
        }

        KeepSignedUrlsOutOfLogs(builder.Logging);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("appbackend"))
            .WithMetrics(metrics => metrics
                .AddMeter(AnalysisMetrics.MeterName)
                .AddMeter(RuntimeMeterName)
                .AddAspNetCoreInstrumentation()
                .AddView(instrument => instrument.Name == RequestDurationInstrument
                    ? null
                    : new MetricStreamConfiguration { CardinalityLimit = SmallCardinalityLimit })
                .AddPrometheusExporter());

        // Traces only where they go somewhere: without an exporter every request would still record its span and tags.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// A request line to <c>/media</c> carries a signed URL, a credential valid for <c>Media:UrlLifetime</c>. The two
    /// categories that write request lines (hosting's "Request starting …", Kestrel's rejected request targets) are held
    /// at Warning here in code, added after the configuration's rules so they win over them: whatever the log level
    /// configured, and also when appsettings.json is not found (a published build started from another directory).
    /// </summary>
    private static void KeepSignedUrlsOutOfLogs(ILoggingBuilder logging)
    {
        foreach (var category in RequestLineCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
            logging.AddFilter<ConsoleLoggerProvider>(category, LogLevel.Warning);
        }
    }

    private static readonly string[] RequestLineCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
    ];

    /// <summary><c>/metrics</c> (Prometheus text): open in Development; elsewhere open only when <c>Metrics:AllowAnonymous</c> says so, else for recruiters.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue("Metrics:AllowAnonymous", app.Environment.IsDevelopment()))
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(Auth.Policies.Recruiter);
        }

        return app;
    }
}
