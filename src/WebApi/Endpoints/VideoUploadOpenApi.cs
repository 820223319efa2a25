using AppBackend.WebApi.Uploads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AppBackend.WebApi.Endpoints;

/// <summary>Adds the multipart form of adding a video to the operation the JSON form describes (they share one route).</summary>
internal static class VideoUploadOpenApi
{
    public static Task DescribeMultipartForm(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Description =
            "Either JSON { questionId, videoUrl } for a video that already lives at a URL the AI backend can GET, or " +
            "multipart/form-data with the fields 'questionId' and 'file' (a video/* part whose bytes are MP4, QuickTime, 3GP, " +
            "WebM, Matroska, AVI, MPEG-PS, MPEG-TS or Ogg; at most Media:MaxUploadBytes) for AppBackend to store. " +
            "For an upload, 'url' in the answer is a signed media URL valid for Media:UrlLifetime.";
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Content ??= new Dictionary<string, OpenApiMediaType>();
            body.Content["multipart/form-data"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { MultipartVideoReader.QuestionIdField, MultipartVideoReader.FileField },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [MultipartVideoReader.QuestionIdField] = new OpenApiSchema { Type = JsonSchemaType.String },
                        [MultipartVideoReader.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    },
                },
            };
        }

        operation.Responses ??= [];
        operation.Responses["413"] = Problem("The video file is larger than Media:MaxUploadBytes; nothing was stored.", context);
        operation.Responses["415"] = Problem("Neither JSON nor multipart/form-data, or the 'file' part is not a video.", context);
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description, OpenApiOperationTransformerContext context) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
        },
    };
}
