using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Interviews.CreateInterview;
using AppBackend.WebApi.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AppBackend.WebApi.Http;

/// <summary>Writes into the OpenAPI document the bounds the validators enforce and the schema alone cannot say.</summary>
internal sealed class InputBoundsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(CreateInterviewQuestion) && schema.Properties is { } properties && properties.ContainsKey("aiMetadata"))
        {
            // In place of the reference to the generic JsonElement schema, which says nothing.
            properties["aiMetadata"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                MinProperties = 1,
                Description = AiMetadataBounds.Description,
            };
        }
        else if (type == typeof(WebhookPayload) && Property(schema, "overallScore") is { } score)
        {
            score.Minimum = ApplyAnalysisResultCommandValidator.MinScore.ToString(System.Globalization.CultureInfo.InvariantCulture);
            score.Maximum = ApplyAnalysisResultCommandValidator.MaxScore.ToString(System.Globalization.CultureInfo.InvariantCulture);
            score.Description = "The video's score, from 0 to 100; required when status is 'done'. Another value, or a number sent as a string, is refused with 400.";
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema? Property(OpenApiSchema schema, string name) =>
        schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property as OpenApiSchema : null;
}
