using System.Net;
using System.Text;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Issue 12, item 9 (decided and documented in OpenAPI): numbers sent as strings are refused, scores outside 0–100
/// are refused, and outside Development a refused token is told only "Bearer", not why.
/// </summary>
public sealed class StrictInputTests(OpenApiFixture fixture) : IClassFixture<OpenApiFixture>
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Theory]
    [InlineData("""{"title":"t","questions":[{"text":"q","durationSeconds":"120","aiMetadata":{"a":1}}]}""")]
    [InlineData("""{"title":"t","questions":[{"text":"q","durationSeconds":120.5,"aiMetadata":{"a":1}}]}""")]
    public async Task CreateInterview_WithANumberAsAString_Returns400(string body)
    {
        var response = await _recruiter.PostAsync("/api/interviews", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListInterviews_Afterwards_HoldsNoneOfThem()
    {
        await _recruiter.PostAsync("/api/interviews", new StringContent("""{"title":"stringly","questions":[{"text":"q","durationSeconds":"120","aiMetadata":{"a":1}}]}""", Encoding.UTF8, "application/json"));

        var page = await (await _recruiter.GetAsync("/api/interviews?limit=100")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        page.GetProperty("items").EnumerateArray().Should().NotContain(i => i.GetProperty("title").GetString() == "stringly");
    }

    [Theory]
    [InlineData("""{"jobId":"bull-1","status":"done","overallScore":"83","aiAnalysisId":"ai-1"}""", "overallScore as a string")]
    [InlineData("""{"jobId":"bull-1","status":"done","overallScore":101,"aiAnalysisId":"ai-1"}""", "above 100")]
    [InlineData("""{"jobId":"bull-1","status":"done","overallScore":-0.5,"aiAnalysisId":"ai-1"}""", "below 0")]
    public async Task Webhook_WithAScoreOutside0To100OrAsAString_Returns400(string body, string because)
    {
        var response = await WebhookCalls.PostSignedAsync(fixture.Client(), body);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetRawText().Should().NotBeEmpty(because);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task Webhook_WithAScoreAtTheBounds_IsAcceptedAsInput(double score)
    {
        var response = await WebhookCalls.PostSignedAsync(fixture.Client(), WebhookCalls.Body("unknown-job", null, overallScore: score));

        // Valid input for a job nobody knows: 404, not 400.
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("audience")]
    public async Task Api_WithARefusedToken_SaysOnlyBearer(string kind)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Expired(),
            "forged" => TestTokens.Forged(),
            _ => TestTokens.WrongAudience(),
        };

        var response = await fixture.Client(token).GetAsync("/api/interviews");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.ToString()).Should().Equal("Bearer");
    }

    [Fact]
    public async Task OpenApi_DocumentsTheBoundsOfAiMetadataScoresAndNumbers()
    {
        var document = await (await fixture.Client().GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("CreateInterviewQuestion").GetProperty("properties").GetProperty("aiMetadata").GetProperty("description").GetString()
            .Should().Contain("10 levels").And.Contain("16384 bytes");
        var score = schemas.GetProperty("WebhookPayload").GetProperty("properties").GetProperty("overallScore");
        score.GetProperty("minimum").GetRawText().Should().Be("0");
        score.GetProperty("maximum").GetRawText().Should().Be("100");
        document.GetProperty("info").GetProperty("description").GetString().Should().Contain("number sent as a string");
    }
}
