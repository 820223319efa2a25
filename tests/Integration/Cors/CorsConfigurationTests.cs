using System.Net.Http.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Cors;

/// <summary>No origin is allowed unless configured, and a setting that is not a list of origins stops the start.</summary>
public sealed class CorsConfigurationTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task Request_WhenNoOriginIsConfigured_GetsNoCorsHeaders()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/interviews");
        preflight.Headers.Add("Origin", "https://frontend.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/interviews") { Content = JsonContent.Create(ApiRequests.InterviewBody(1)) };
        post.Headers.Add("Origin", "https://frontend.example.com");
        post.Headers.Authorization = new("Bearer", TestTokens.Recruiter());

        var answers = new[] { await fixture.Client().SendAsync(preflight), await fixture.Client().SendAsync(post) };

        answers[1].StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        answers.SelectMany(a => a.Headers.Select(h => h.Key))
            .Should().NotContain(h => h.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://frontend.example.com,*")]
    [InlineData("https://frontend.example.com/app")]
    [InlineData("frontend.example.com")]
    [InlineData("ftp://frontend.example.com")]
    [InlineData("https://frontend.example.com?x=1")]
    public async Task Start_WithSomethingThatIsNotAnOrigin_Fails(string setting)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "corsconfig");

        var failure = await StartFailure.OfAsync(database.Provider, database.ConnectionString, new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins"] = setting,
        });

        failure.Should().Contain("Cors:AllowedOrigins must be a comma-separated list of origins");
    }
}
