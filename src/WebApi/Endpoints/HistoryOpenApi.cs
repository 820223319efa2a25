using System.Text.Json.Nodes;
using AppBackend.Application.Common.Events;
using AppBackend.Application.JobApplications;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AppBackend.WebApi.Endpoints;

/// <summary>The history item's <c>type</c> is a closed set: the OpenAPI document lists every value.</summary>
internal static class HistoryOpenApi
{
    public static Task ListEventTypes(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ApplicationHistoryItemView)
            && schema.Properties?.TryGetValue("type", out var type) == true
            && type is OpenApiSchema values)
        {
            values.Enum = [.. ApplicationEventTypes.All.Select(t => (JsonNode)JsonValue.Create(t))];
            values.Description = "What happened; the status it led to is `status`.";
        }

        return Task.CompletedTask;
    }
}
