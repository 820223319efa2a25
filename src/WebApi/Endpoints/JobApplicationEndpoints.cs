using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.JobApplications;
using AppBackend.Application.JobApplications.AddVideoResponse;
using AppBackend.Application.JobApplications.CreateApplication;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.Application.JobApplications.ListApplications;
using AppBackend.Application.JobApplications.RetryApplication;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Application.JobApplications.UploadVideoResponse;
using AppBackend.Domain.Common;
using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Http;
using AppBackend.WebApi.Uploads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Endpoints;

public static class JobApplicationEndpoints
{
    public static IEndpointRouteBuilder MapJobApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.ApiUser);
        group.MapPost("/", CreateApplication);
        group.MapGet("/", ListApplications);
        group.MapGet("/{id}", GetApplication);

        // One route, two forms: routing picks the endpoint by the request's content type (415 for any other). An
        // OpenAPI document has one operation per route and method, so the JSON one describes the form too.
        group.MapPost("/{id}/video-responses", AddVideoResponse)
            .Accepts<AddVideoResponseRequest>("application/json")
            .AddOpenApiOperationTransformer(VideoUploadOpenApi.DescribeMultipartForm);
        group.MapPost("/{id}/video-responses", UploadVideoResponse)
            .Accepts<UploadVideoResponseForm>("multipart/form-data")
            .WithMetadata(new DisableRequestSizeLimitAttribute()) // the handler sets the limit from Media:MaxUploadBytes
            .ExcludeFromDescription();
        group.MapPost("/{id}/submit", SubmitApplication);
        group.MapPost("/{id}/retry", RetryApplication);
        return app;
    }

    public static async Task<Results<Created<JobApplicationView>, ProblemHttpResult>> CreateApplication(
        CreateApplicationCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/applications/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<JobApplicationView>, ProblemHttpResult>> GetApplication(
        string id, ISender sender, CancellationToken cancellationToken) =>
        ToOk(await sender.Send(new GetApplicationQuery(id), cancellationToken));

    public static async Task<Ok<Page<JobApplicationView>>> ListApplications(
        ISender sender,
        CancellationToken cancellationToken,
        string? interviewId = null,
        string? status = null,
        int? limit = null,
        string? cursor = null)
    {
        var query = new ListApplicationsQuery(interviewId, status, limit ?? PageCursor.DefaultLimit, cursor);
        return TypedResults.Ok(await sender.Send(query, cancellationToken));
    }

    public static async Task<Results<Created<VideoResponseCreatedView>, ProblemHttpResult>> AddVideoResponse(
        string id, AddVideoResponseRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new AddVideoResponseCommand(id, request.QuestionId, request.VideoUrl), cancellationToken);
        return result.IsSuccess ? TypedResults.Created((string?)null, result.Value) : result.Error.ToProblem();
    }

    /// <summary>The multipart form: the file is streamed to the media store as it arrives, then the command decides.</summary>
    public static async Task<Results<Created<VideoResponseCreatedView>, ProblemHttpResult>> UploadVideoResponse(
        string id,
        HttpContext context,
        IMediaStore media,
        IOptions<MediaUploadOptions> options,
        ISender sender,
        CancellationToken cancellationToken)
    {
        await using var form = await MultipartVideoReader.ReadAsync(context, media, options.Value.MaxUploadBytes, cancellationToken);
        if (form.Refusal is not null)
        {
            return form.Refusal;
        }

        var result = await sender.Send(new UploadVideoResponseCommand(id, form.QuestionId, form.Video), cancellationToken);
        return result.IsSuccess ? TypedResults.Created((string?)null, result.Value) : result.Error.ToProblem();
    }

    public static async Task<Results<Accepted<JobApplicationView>, ProblemHttpResult>> SubmitApplication(
        string id, ISender sender, CancellationToken cancellationToken) =>
        ToAccepted(await sender.Send(new SubmitApplicationCommand(id), cancellationToken));

    public static async Task<Results<Accepted<JobApplicationView>, ProblemHttpResult>> RetryApplication(
        string id, ISender sender, CancellationToken cancellationToken) =>
        ToAccepted(await sender.Send(new RetryApplicationCommand(id), cancellationToken));

    private static Results<Ok<JobApplicationView>, ProblemHttpResult> ToOk(Result<JobApplicationView> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    private static Results<Accepted<JobApplicationView>, ProblemHttpResult> ToAccepted(Result<JobApplicationView> result) =>
        result.IsSuccess ? TypedResults.Accepted($"/api/applications/{result.Value.Id}", result.Value) : result.Error.ToProblem();
}
