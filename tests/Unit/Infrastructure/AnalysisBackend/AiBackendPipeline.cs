using System.Net.Http.Json;
using System.Text.Json;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Infrastructure;
using AppBackend.Infrastructure.AnalysisBackend;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Refit;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>
/// The AI backend's HTTP client with a scripted server at the bottom instead of the network, on a
/// <see cref="SchedulingClock"/>. <see cref="Compose"/> chains it here the way <c>DependencyInjection</c> does
/// (resilience handler from <see cref="AiBackendResilience.Configure"/>, the JWT handler inside it);
/// <see cref="FromInfrastructure"/> takes the real <c>AddInfrastructure</c> registration and swaps only the
/// socket handler and the clock (and, while the bug shown by
/// <c>DependencyInjectionAnalysisBackendTests.AddInfrastructure_Always_ResolvesTheAnalysisBackend</c> lasts, how the
/// Refit client object is made).
/// </summary>
internal sealed class AiBackendPipeline : IAsyncDisposable
{
    public const string Secret = "unit-test-ai-backend-secret-0123456789-abcdef";
    public const string RequestId = "req-pipeline-1";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly Uri BaseAddress = new("https://ai-backend.test");

    private const string ClientName = "ai-backend-under-test";

    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Task> _calls = [];
    private readonly HttpClient? _client;

    private AiBackendPipeline(SchedulingClock clock, ScriptedHttpHandler server, ServiceProvider services, HttpClient? client)
    {
        Clock = clock;
        Server = server;
        _services = services;
        _client = client;
        _scope = services.CreateAsyncScope();
    }

    public SchedulingClock Clock { get; }

    public ScriptedHttpHandler Server { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The client built by <see cref="Compose"/>.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("Only a composed pipeline has a bare client.");

    /// <summary>The client chain as <c>DependencyInjection.AddAnalysisBackend</c> builds it, composed here.</summary>
    public static AiBackendPipeline Compose(AnalysisOptions? options = null)
    {
        var clock = new SchedulingClock(Start);
        var server = new ScriptedHttpHandler(clock);
        var analysisOptions = options ?? new AnalysisOptions();
        var aiBackendOptions = Options.Create(new AiBackendOptions { BaseUrl = BaseAddress, Secret = Secret });

        var services = new ServiceCollection();
        var client = services.AddHttpClient(ClientName, c =>
        {
            c.BaseAddress = BaseAddress;
            c.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler(ClientName, (pipeline, _) => AiBackendResilience.Configure(pipeline, analysisOptions, clock));
        client.AddHttpMessageHandler(() => new AiBackendJwtHandler(new HmacJwtIssuer(clock), aiBackendOptions));
        client.ConfigurePrimaryHttpMessageHandler(() => server);
        var provider = services.BuildServiceProvider();
        return new AiBackendPipeline(clock, server, provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName));
    }

    /// <summary>The production registration of <c>AddInfrastructure</c>, with the scripted server and the fake clock.</summary>
    /// <param name="extraSettings">Configuration on top of the AI backend's URL and secret and the public base URL.</param>
    public static AiBackendPipeline FromInfrastructure(IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var clock = new SchedulingClock(Start);
        var server = new ScriptedHttpHandler(clock);
        var settings = new Dictionary<string, string?>
        {
            [AiBackendOptions.UrlKey] = BaseAddress.AbsoluteUri,
            [AiBackendOptions.SecretKey] = Secret,
            [DependencyInjection.PublicBaseUrlKey] = "https://app.example.com",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddInfrastructure(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = Environments.Production, ApplicationName = "AppBackend.UnitTests" });

        // Registered after the production configuration, so it replaces the SocketsHttpHandler and nothing else.
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = server));
        return new AiBackendPipeline(clock, server, services.BuildServiceProvider(), null);
    }

    /// <summary>The scoped <see cref="IAnalysisBackend"/> of a <see cref="FromInfrastructure"/> pipeline, its request id set.</summary>
    public IAnalysisBackend AnalysisBackend()
    {
        _scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().RequestId = RequestId;
        return _scope.ServiceProvider.GetRequiredService<IAnalysisBackend>();
    }

    /// <summary>Starts a dispatch POST off the test's thread; the test then drives the clock until it completes.</summary>
    public Task<HttpResponseMessage> StartPost(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Run(token =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/analysis/video")
            {
                Content = JsonContent.Create(new { meta = new { apiVersion = "1.0.0", requestId = "req-1" } }),
            };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return Client.SendAsync(request, token);
        }, cancellationToken);

    /// <summary>Runs <paramref name="call"/> off the test's thread; it is cancelled when the pipeline is disposed.</summary>
    public Task<T> Run<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        var task = Task.Run(() => call(linked.Token), CancellationToken.None);
        _calls.Add(task.ContinueWith(_ => linked.Dispose(), TaskScheduler.Default));
        return task;
    }

    public Task WaitForAttemptsAsync(int count) =>
        Eventually.HoldsAsync(() => Server.AttemptCount >= count, () => $"expected {count} attempt(s), saw {Server.AttemptCount}");

    /// <summary>
    /// Waits until the pipeline has scheduled its next attempt exactly <paramref name="wait"/> from now, moves the
    /// clock to just before it (no attempt yet), then onto it, and waits for that attempt to arrive.
    /// </summary>
    public async Task AdvanceThroughWaitAsync(TimeSpan wait)
    {
        var attempts = Server.AttemptCount;
        await Clock.WaitUntilScheduledAsync(Now + wait);
        Clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Server.AttemptCount.Should().Be(attempts, "no attempt may start before the full wait of {0} has passed", wait);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAttemptsAsync(attempts + 1);
    }

    /// <summary>Waits for the running attempt's timeout to be scheduled <paramref name="timeout"/> from now and lets it expire.</summary>
    public async Task TimeOutAttemptAsync(TimeSpan timeout)
    {
        var abandoned = Server.AbandonedAttempts;
        await Clock.WaitUntilScheduledAsync(Now + timeout);
        Clock.Advance(timeout);
        await Eventually.HoldsAsync(() => Server.AbandonedAttempts > abandoned, () => $"the attempt was not abandoned after {timeout}");
    }

    /// <summary>
    /// Cancels whatever is still in flight (a test that failed half-way leaves a call parked on the fake clock)
    /// before disposing the services: disposing a resilience pipeline waits for its running executions on the
    /// pipeline's clock, which would never move again.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        var calls = Task.WhenAll(_calls);
        await Task.WhenAny(calls, Task.Delay(TimeSpan.FromSeconds(5)));
        if (calls.IsCompleted)
        {
            await _scope.DisposeAsync();
            await _services.DisposeAsync();
        }

        _shutdown.Dispose();
    }
}
