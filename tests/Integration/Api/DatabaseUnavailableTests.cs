using System.Net;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Issue 12, item 5, the other side: a database that cannot be reached (nothing listens on its port) is a 503 with
/// Retry-After, for the frontend API and for the webhook, so that the AI backend delivers again.
/// </summary>
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private AppBackendFactory _factory = null!;

    public Task InitializeAsync()
    {
        var nowhere = $"Host=127.0.0.1;Port={FreeTcpPort.Pick()};Database=nowhere;Username=app;Password=unused;Timeout=3";
        _factory = new AppBackendFactory("postgres", nowhere, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Api_WhenTheDatabaseCannotBeReached_Answers503WithRetryAfter()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Recruiter());

        var response = await client.GetAsync("/api/interviews");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("type").GetString().Should().Be("urn:appbackend:problem:database_unavailable");
        response.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task Webhook_WhenTheDatabaseCannotBeReached_Answers503SoTheAiBackendDeliversAgain()
    {
        var response = await WebhookCalls.PostSignedAsync(_factory.CreateClient(), WebhookCalls.Body("bull-1", "v-1"));

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
    }
}
