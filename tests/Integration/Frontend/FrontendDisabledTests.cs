using System.Net;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Frontend;

/// <summary>Outside Development with nothing configured, the frontend is not served at all.</summary>
public sealed class FrontendDisabledTests(DisabledFrontendFixture fixture) : IClassFixture<DisabledFrontendFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/invite/some-interview-id")]
    public async Task Page_WhenNotEnabled_IsNotServed(string path)
    {
        var response = await fixture.Client().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(EnabledFrontendFixture.Marker);
    }
}
