using System.Net;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Media;

/// <summary>AppBackend with the OpenAPI document served.</summary>
public sealed class OpenApiFixture() : ApiFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OpenApi:Enabled"] = "true" };
}

/// <summary>The two forms of adding a video share one route; the document must still describe both (and the media URL).</summary>
public sealed class OpenApiMediaTests(OpenApiFixture fixture) : IClassFixture<OpenApiFixture>
{
    [Fact]
    public async Task OpenApi_DescribesBothFormsOfAddingAVideoAndTheMediaUrl()
    {
        var document = await (await fixture.Client().GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        var content = paths.GetProperty("/api/applications/{id}/video-responses").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        content.EnumerateObject().Select(p => p.Name).Should().Contain(["application/json", "multipart/form-data"], content.GetRawText());
        var form = content.GetProperty("multipart/form-data").GetProperty("schema");
        form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString().Should().Be("binary");
        form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo(["questionId", "file"]);
        var media = paths.GetProperty("/media/{videoResponseId}").GetProperty("get");
        media.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain(["exp", "sig"]);
    }
}
