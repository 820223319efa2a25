using System.Net;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Frontend;

/// <summary>
/// The web frontend at <c>/</c> (contract 4a) when <c>Frontend:Enabled</c> is true, from a web root of its own so the
/// test does not depend on <c>npm run build</c>: the page for <c>/</c> and for the frontend's routes, hashed assets
/// cached for good, and every server route still answering its own problems.
/// </summary>
public sealed class FrontendHostingTests(EnabledFrontendFixture fixture) : IClassFixture<EnabledFrontendFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/recruiter")]
    [InlineData("/recruiter/applications/01abc")]
    [InlineData("/invite/some-interview-id")]
    public async Task Page_WhenEnabled_IsServedForTheFrontendsRoutes(string path)
    {
        var response = await fixture.Client().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain(EnabledFrontendFixture.Marker);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task Asset_WhenEnabled_IsServedWithALongCacheLifetime()
    {
        var response = await fixture.Client().GetAsync("/assets/index-abc123.js");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.ToString().Should().Contain("immutable");
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/media/nothing-here")]
    [InlineData("/no-such-page")]
    public async Task ServerRoute_WhenEnabled_DoesNotFallBackToThePage(string path)
    {
        var response = await fixture.Client().GetAsync(path);

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(EnabledFrontendFixture.Marker);
    }
}
