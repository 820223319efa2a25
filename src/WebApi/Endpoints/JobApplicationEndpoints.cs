using System.ComponentModel;
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
using AppBackend.WebApi.Events;
using AppBackend.WebApi.Http;
using AppBackend.WebApi.Uploads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Endpoints;

public static class JobApplicationEndpoints
{
    private const string EventsDescription =
        "Server-sent events (text/event-stream) with the application's status. Each event is `event: status`, " +
        "`id: <the application's version>` and `data: <the application view>` (the same JSON as GET /api/applications/{id}). " +
        "The first event is the current state; then one event per visible change of the application or one of its videos, " +
        "from whichever AppBackend instance made it (within about Events:PollInterval). A comment line `: keep-alive` " +
        "is sent every Events:KeepAliveInterval (15 s by default). Last-Event-ID: the server keeps only the current state, " +
        "not a history of events; when Last-Event-ID equals the current version the initial event is skipped (the client " +
        "has it), otherwise the current state is sent first, so a reconnecting client always ends up current but does " +
        "not receive the intermediate states it missed. Access as for GET /api/applications/{id}: 401 without a token, " +
        "403 problem for a recruiter token without org, 404 problem for an unknown application, another organization's or, for a " +
        "candidate, someone else's; these are answered before the stream starts.";

    public static IEndpointRouteBuilder MapJobApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.ApiUser);
        group.MapPost("/", CreateApplication);
        group.MapGet("/", ListApplications);
        group.MapGet("/{id}", GetApplication);
        group.MapGet("/{id}/events", StreamApplicationEvents)
            .WithSummary("Live status of one application (server-sent events)")
            .WithDescription(EventsDescription);

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

    /// <summary>Settles access and the current state before the stream starts, so refusals are ordinary problems.</summary>
    public static async Task<Results<ApplicationEventStream, ProblemHttpResult>> StreamApplicationEvents(
        string id,
        [FromHeader(Name = "Last-Event-ID"), Description("The id (application version) of the last event the client received; when it is the current version, the initial event is skipped.")] string? lastEventId,
        ISender sender,
        IApplicationChangeNotifications notifications,
        CancellationToken cancellationToken)
    {
        // Subscribed before the read, so a change committed in between is still announced.
        var subscription = notifications.Subscribe(id);
        try
        {
            var current = await sender.Send(new GetApplicationSnapshotQuery(id), cancellationToken);
            if (current.IsFailure)
            {
                subscription.Dispose();
                return current.Error.ToProblem();
            }

            return new ApplicationEventStream(subscription, current.Value, lastEventId);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

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
