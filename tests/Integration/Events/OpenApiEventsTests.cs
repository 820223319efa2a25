using System.Net;
using AppBackend.Application.Common.Events;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Events;

/// <summary>The history is in the OpenAPI document with every <c>type</c> it can hold.</summary>
public sealed class OpenApiEventsTests(OpenApiFixture fixture) : IClassFixture<OpenApiFixture>
{
    [Fact]
    public async Task OpenApi_DescribesTheHistoryWithEveryEventType()
    {
        var document = await (await fixture.Client().GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var history = document.GetProperty("paths").GetProperty("/api/applications/{id}/history").GetProperty("get");
        var description = history.GetProperty("description").GetString();
        description.Should().Contain(string.Join(", ", ApplicationEventTypes.All.Select(t => $"`{t}`")));
        var item = document.GetProperty("components").GetProperty("schemas").GetProperty("ApplicationHistoryItemView");
        item.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(t => t.GetString())
            .Should().Equal(ApplicationEventTypes.All);
        item.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Equal("version", "at", "type", "status", "actor", "details");
        document.GetProperty("paths").GetProperty("/api/applications/{id}/events").GetProperty("get").GetProperty("description").GetString()
            .Should().Contain("Last-Event-ID").And.Contain("Events:Retention");
    }
}
