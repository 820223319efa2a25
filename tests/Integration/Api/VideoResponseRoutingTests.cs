using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// POST /api/applications/{id}/video-responses takes JSON or a multipart form; anything else is a 415 problem, and
/// an unauthenticated caller is refused (401) before anything is read (issue 12, item 1).
/// </summary>
public sealed class VideoResponseRoutingTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task AddVideo_WithoutAContentType_Returns415ProblemWithRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications/x/video-responses");
        request.Headers.Add("X-Request-Id", "no-content-type");

        var response = await fixture.Client(TestTokens.Candidate("cara")).SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        response.Headers.GetValues("X-Request-Id").Should().Equal("no-content-type");
        problem.GetProperty("requestId").GetString().Should().Be("no-content-type");
    }

    [Fact]
    public async Task AddVideo_WithAnotherContentType_Returns415Problem()
    {
        using var content = new StringContent("questionId=q", Encoding.UTF8, "text/plain");

        var response = await fixture.Client(TestTokens.Candidate("cara")).PostAsync("/api/applications/x/video-responses", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        response.Headers.Contains("X-Request-Id").Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task AddVideo_WithoutAToken_Returns401ProblemWithRequestId(string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications/x/video-responses");
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent("{ not even the right shape"u8.ToArray());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");
        request.Headers.Add("X-Request-Id", "no-token");

        var response = await fixture.Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.GetValues("X-Request-Id").Should().Equal("no-token");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("not-a-jwt");
    }

    [Fact]
    public async Task AddVideo_WithMalformedJson_Returns400Problem()
    {
        using var content = new StringContent("{ \"questionId\": ", Encoding.UTF8, "application/json");

        var response = await fixture.Client(TestTokens.Candidate("cara")).PostAsync("/api/applications/x/video-responses", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
