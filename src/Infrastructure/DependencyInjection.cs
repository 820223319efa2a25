using System.Text;
using System.Text.Json;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Alerts;
using AppBackend.Infrastructure.AnalysisBackend;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Events;
using AppBackend.Infrastructure.Http;
using AppBackend.Infrastructure.Media;
using AppBackend.Infrastructure.Observability;
using AppBackend.Infrastructure.Persistence;
using AppBackend.Infrastructure.Persistence.Queries;
using AppBackend.Infrastructure.Persistence.Repositories;
using AppBackend.Infrastructure.Security;
using AppBackend.Infrastructure.Webhooks;
using AppBackend.Infrastructure.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Refit;

namespace AppBackend.Infrastructure;

public static class DependencyInjection
{
    public const string DatabaseHealthCheckName = "database";
    public const string DatabaseStartupHealthCheckName = "database-startup";
    public const string PublicBaseUrlKey = "PUBLIC_BASE_URL";
    public const string DevelopmentPublicBaseUrl = "http://127.0.0.1:5080";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HmacJwtIssuer>();
        services.AddScoped<ScopedRequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<ScopedRequestContext>());
        services.AddOptions<MediaUrlOptions>().Bind(configuration.GetSection(MediaUrlOptions.SectionName));
        services.AddMetrics();
        services.AddSingleton<IAnalysisMetrics, AnalysisMetrics>();
        services.AddSingleton<GroupCommitMetrics>();
        services.AddPersistence(configuration);
        services.AddMedia(configuration, environment);
        services.AddAnalysisBackend(configuration, environment);
        services.AddAlerts(configuration);
        services.AddWebhooks(configuration, environment);
        services.AddEventLog(configuration);
        return services;
    }

    /// <summary>
    /// What runs in the background of a serving instance: first the database's start (<see cref="DatabaseStartup"/>:
    /// the migrations, once the server listens; readiness waits for it), then the dispatch worker, the analysis
    /// monitor (poll, alert, deliver alerts), and the event log's fan-out, retention and the ways other instances'
    /// commits are seen (PostgreSQL <c>LISTEN</c>; on both a look at the log for what no announcement brought); those that use
    /// the database begin once it is ready. Only the WebApi adds them; a tool built on <see cref="AddInfrastructure"/>
    /// (the admin tool) never migrates, dispatches, polls, alerts or streams on its own.
    /// </summary>
    public static IServiceCollection AddWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        services.AddHealthChecks().AddCheck<DatabaseStartupHealthCheck>(DatabaseStartupHealthCheckName, tags: ["ready"]);
        services.AddHostedService<DispatchWorker>();
        services.AddHostedService<AnalysisMonitorWorker>();
        services.AddHostedService<ApplicationEventFanOut>();
        services.AddHostedService<EventRetentionWorker>();
        if (configuration[$"{DatabaseOptions.SectionName}:Provider"] == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Default") ?? DatabaseOptions.DefaultConnectionString;
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresEventListener>(sp, connectionString));
            services.AddHostedService(sp => sp.GetRequiredService<PostgresEventListener>());
        }

        services.AddHostedService<EventLogWatcher>();

        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = configuration[$"{DatabaseOptions.SectionName}:Provider"] ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Default") ?? DatabaseOptions.DefaultConnectionString;
        // An aggregate loads in one query (its videos and results joined): consistent without a transaction, and
        // small. Read-side lists opt into split queries where they page many aggregates. The options are built once,
        // and the contexts pooled: a fresh context resolved EF Core's internal services anew for every unit of work.
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = PostgresConnectionDefaults.Apply(connectionString);
            services.AddPooledUnitOfWork<PostgresAppDbContext>(
                o => o.UseNpgsql(postgres, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
            services.AddSingleton<ICommitBroadcast>(sp => ActivatorUtilities.CreateInstance<PostgresCommitBroadcast>(sp, postgres));
        }
        else
        {
            // An unknown provider also lands here; options validation then stops the start with a clear message.
            services.AddPooledUnitOfWork<SqliteAppDbContext>(
                o => o.UseSqlite(connectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
            services.AddSingleton<ICommitBroadcast, SqliteCommitBroadcast>();
        }

        services.AddScoped<IUnitOfWork, ScopedUnitOfWork>();
        services.AddSingleton(typeof(IGroupCommit<,>), typeof(GroupCommit<,>));
        services.AddSingleton<InterviewCache>();
        services.AddScoped<IInterviewRepository, InterviewRepository>();
        services.AddScoped<IJobApplicationRepository, JobApplicationRepository>();
        services.AddScoped<IDispatchQueue, DispatchQueue>();

        // One per process: the dispatch worker (the WebApi's) waits on it; elsewhere a raise simply finds no one waiting.
        services.AddSingleton<DispatchWakeUp>();
        services.AddSingleton<IDispatchWakeUp>(sp => sp.GetRequiredService<DispatchWakeUp>());
        services.AddScoped<IAlertOutbox, AlertOutbox>();
        services.AddScoped<IInterviewQueries, InterviewQueries>();
        services.AddScoped<IJobApplicationQueries, JobApplicationQueries>();
        services.AddScoped<IAnalysisJobQueries, AnalysisJobQueries>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheckName, tags: ["ready"]);
    }

    /// <summary>
    /// The provider's context, pooled (options built once, EF Core's internal services kept with each pooled context);
    /// each scope rents one as its <see cref="AppDbContext"/>, with the scope's event writer, and returns it at the end.
    /// This must stay the only registration that returns the context: the container disposes what each returns, and a
    /// second disposal can return the context to the pool under the scope that rented it next (<see cref="ScopedUnitOfWork"/>).
    /// </summary>
    private static void AddPooledUnitOfWork<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<AppDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext().RentedFor(sp.GetRequiredService<ApplicationEventWriter>()));
    }

    private static void AddAnalysisBackend(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        services.AddOptions<AnalysisOptions>()
            .Bind(configuration.GetSection(AnalysisOptions.SectionName))
            .Validate(o => o.RetryDelaysAreValid(), "Analysis:RetryDelays must be comma-separated non-negative TimeSpans (00:00:01,00:00:04,00:00:16).")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.ConnectTimeout > TimeSpan.Zero, "Analysis timeouts must be positive.")
            .Validate(o => o.DispatchLease > TimeSpan.Zero && o.DispatchConcurrency > 0, "Analysis:DispatchLease and Analysis:DispatchConcurrency must be positive.")
            .ValidateOnStart();

        services.AddOptions<AnalysisTimingOptions>()
            .Bind(configuration.GetSection(AnalysisTimingOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.PollAfter >= TimeSpan.Zero && o.AlertAfter > TimeSpan.Zero, "Analysis:PollInterval, PollAfter and AlertAfter must be positive.")
            .ValidateOnStart();

        services.AddOptions<AiBackendOptions>()
            .Configure(o =>
            {
                var url = configuration[AiBackendOptions.UrlKey] ?? (development ? AiBackendOptions.DevelopmentUrl : null);
                o.BaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null!;
                o.Secret = configuration[AiBackendOptions.SecretKey] ?? (development ? AiBackendOptions.DevelopmentSecret : string.Empty);
            })
            .Validate(o => o.BaseUrl is not null, $"{AiBackendOptions.UrlKey} must be an absolute URL.")
            .Validate(o => Encoding.UTF8.GetByteCount(o.Secret) >= 32, $"{AiBackendOptions.SecretKey} must be set (at least 32 bytes).")
            .ValidateOnStart();

        services.AddOptions<PublicUrlOptions>()
            .Configure(o =>
            {
                var url = configuration[PublicBaseUrlKey] ?? (development ? DevelopmentPublicBaseUrl : null);
                o.PublicBaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null!;
            })
            .Validate(o => o.PublicBaseUrl is not null, $"{PublicBaseUrlKey} must be the absolute URL the AI backend reaches AppBackend at.")
            .ValidateOnStart();

        services.AddTransient<AiBackendJwtHandler>();
        services.TryAddTransient<ContentLengthHandler>();
        var refit = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var aiBackend = services.AddRefitGeneratedClient<IAiBackendApi>(refit)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<AiBackendOptions>>().Value.BaseUrl;

                // Each attempt has its own timeout in the resilience pipeline; the client must not cut the retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        // Outermost: the body is buffered once (so it has a Content-Length) before the first attempt.
        aiBackend.AddHttpMessageHandler<ContentLengthHandler>();
        aiBackend.AddResilienceHandler("ai-backend", (pipeline, context) => AiBackendResilience.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<AnalysisOptions>>().Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>()));

        // Added after the resilience handler, so it sits inside it: every attempt gets a fresh token.
        aiBackend.AddHttpMessageHandler<AiBackendJwtHandler>();

        services.AddScoped<IAnalysisBackend, RefitAnalysisBackend>();
    }

    private static void AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<CallbackSecretOptions>()
            .Configure(o => o.Secrets = CallbackSecretOptions.Parse(
                configuration[CallbackSecretOptions.Key] ?? (environment.IsDevelopment() ? CallbackSecretOptions.DevelopmentSecret : null)))
            .Validate(o => o.Secrets.Count > 0, $"{CallbackSecretOptions.Key} must hold at least one secret (comma-separated for rotation).")
            .ValidateOnStart();
        services.AddSingleton<WebhookSignatureVerifier>();
    }

    /// <summary>
    /// The application event log's delivery to this instance: the hub and its fan-out, and what tells the other instances
    /// of this one's commits (<see cref="ICommitBroadcast"/>, registered with the database provider).
    /// </summary>
    private static void AddEventLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventLogOptions>()
            .Bind(configuration.GetSection(EventLogOptions.SectionName))
            .Validate(o => o.Retention > TimeSpan.Zero && o.RetentionInterval > TimeSpan.Zero, "Events:Retention and Events:RetentionInterval must be positive.")
            .Validate(o => o.LogCheckInterval > TimeSpan.Zero && o.ListenerReconnectDelay >= TimeSpan.Zero, "Events:LogCheckInterval must be positive, Events:ListenerReconnectDelay not negative.")
            .ValidateOnStart();
        services.AddSingleton<OutgoingViewRenderer>();
        services.AddSingleton<IApplicationEventLogReader, ApplicationEventLogReader>();
        services.AddSingleton<ApplicationEventHub>();
        services.AddSingleton<IApplicationEventFeed>(sp => sp.GetRequiredService<ApplicationEventHub>());
        services.AddScoped<ApplicationEventWriter>();
        services.AddScoped<ApplicationEventRetention>();
        services.AddScoped<IApplicationEventQueries, ApplicationEventQueries>();
    }

    private static void AddMedia(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<MediaUploadOptions>()
            .Bind(configuration.GetSection(MediaUploadOptions.SectionName))
            .Validate(o => o.MaxUploadBytes > 0, "Media:MaxUploadBytes must be a positive number of bytes.")
            .ValidateOnStart();

        services.AddOptions<MediaStorageOptions>()
            .Bind(configuration.GetSection(MediaStorageOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Media:Root must name the directory uploaded videos are kept in.")
            .ValidateOnStart();

        services.AddOptions<MediaSigningOptions>()
            .Configure(o =>
            {
                o.SigningKey = configuration[MediaSigningOptions.SigningKeyKey]
                    ?? (environment.IsDevelopment() ? MediaSigningOptions.DevelopmentSigningKey : string.Empty);
                o.UrlLifetime = configuration.GetValue(MediaSigningOptions.UrlLifetimeKey, o.UrlLifetime);
            })
            .Validate(
                o => Encoding.UTF8.GetByteCount(o.SigningKey) >= MediaSigningOptions.MinimumKeyBytes,
                $"{MediaSigningOptions.SigningKeyKey} must be set (at least {MediaSigningOptions.MinimumKeyBytes} bytes).")
            .Validate(
                o => !OtherSecrets(configuration).Contains(o.SigningKey),
                $"{MediaSigningOptions.SigningKeyKey} must differ from Auth:SigningKey, {AiBackendOptions.SecretKey} and {CallbackSecretOptions.Key}.")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, $"{MediaSigningOptions.UrlLifetimeKey} must be positive.")
            .ValidateOnStart();

        services.AddSingleton<IMediaStore, LocalDiskMediaStore>();
        services.AddSingleton<MediaUrlSigner>();
        services.AddSingleton<IMediaUrls, SignedMediaUrls>();
    }

    /// <summary>The other secrets AppBackend is configured with; a leak of one must not also forge media URLs.</summary>
    private static HashSet<string> OtherSecrets(IConfiguration configuration)
    {
        var secrets = new HashSet<string>(CallbackSecretOptions.Parse(configuration[CallbackSecretOptions.Key]), StringComparer.Ordinal);
        foreach (var key in new[] { "Auth:SigningKey", AiBackendOptions.SecretKey })
        {
            if (configuration[key] is { Length: > 0 } secret)
            {
                secrets.Add(secret);
            }
        }

        return secrets;
    }

    private static void AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Configure(o =>
            o.WebhookUrl = Uri.TryCreate(configuration[SlackOptions.WebhookUrlKey], UriKind.Absolute, out var uri) ? uri : null);
        // The webhook URL is a secret, and the client's default logging would write it on every post.
        services.TryAddTransient<ContentLengthHandler>();
        services.AddHttpClient<IAlertSink, SlackAlertSink>(client => client.Timeout = TimeSpan.FromSeconds(10))
            .AddHttpMessageHandler<ContentLengthHandler>()
            .RemoveAllLoggers();
    }
}
