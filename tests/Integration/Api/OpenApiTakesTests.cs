using System.Net;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Api;

/// <summary>The OpenAPI document describes thinkingSeconds and maxTakes (with their bounds) and takes.</summary>
public sealed class OpenApiTakesTests(OpenApiFixture fixture) : IClassFixture<OpenApiFixture>
{
    [Fact]
    public async Task OpenApi_DescribesThinkTimeMaxTakesAndTakes()
    {
        var document = await (await fixture.Client().GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var request = schemas.GetProperty("CreateInterviewQuestion").GetProperty("properties");
        Bounds(request.GetProperty("thinkingSeconds")).Should().Be((0, 600));
        Bounds(request.GetProperty("maxTakes")).Should().Be((1, 10));
        request.GetProperty("maxTakes").GetProperty("description").GetString().Should().Contain("application.takes_exhausted");
        var view = schemas.GetProperty("QuestionView").GetProperty("properties");
        view.GetProperty("thinkingSeconds").GetProperty("description").GetString().Should().Contain("unlimited");
        view.GetProperty("maxTakes").GetProperty("description").GetString().Should().Contain("unlimited");
        foreach (var name in new[] { "VideoResponseView", "VideoResponseCreatedView" })
        {
            var takes = schemas.GetProperty(name).GetProperty("properties").GetProperty("takes");
            takes.GetProperty("description").GetString().Should().Contain("never counts", name);
        }
    }

    private static (decimal, decimal) Bounds(JsonElement property) =>
        (property.GetProperty("minimum").GetDecimal(), property.GetProperty("maximum").GetDecimal());
}
