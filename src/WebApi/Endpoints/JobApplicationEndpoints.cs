using System.ComponentModel;
using System.Text.Json;
using AppBackend.Application.Common.Events;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.JobApplications;
using AppBackend.Application.JobApplications.AddVideoResponse;
using AppBackend.Application.JobApplications.CreateApplication;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.Application.JobApplications.GetApplicationHistory;
using AppBackend.Application.JobApplications.ListApplications;
using AppBackend.Application.JobApplications.RetryApplication;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Application.JobApplications.UploadVideoResponse;
using AppBackend.Domain.Common;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Events;
using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Events;
using AppBackend.WebApi.Http;
using AppBackend.WebApi.Uploads;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Endpoints;

public static class JobApplicationEndpoints
{
    /// <summary>The JSON form of adding a video is two short strings; more is not a video reference.</summary>
    private const long MaxJsonBodyBytes = 64 * 1024;

    private const string EventsDescription =
        "Server-sent events (text/event-stream): every committed change of the application or of one of its videos is one " +
        "event, in commit order, none skipped or merged, from whichever AppBackend instance (or the admin tool) made it. " +
        "Each is `event: status`, `id: <the application's version after the change>` (it grows by one per change) and " +
        "`data: <the application view at that version>` (the same JSON as GET /api/applications/{id}). Without Last-Event-ID " +
        "the first event is the current state. With `Last-Event-ID: N` the stream sends every event after version N, each " +
        "exactly once, then the live ones; the replay data is kept for Events:Retention (7 days by default), and an N that is " +
        "older, unknown or not a number gets the current state first. A comment line `: keep-alive` is sent every " +
        "Events:KeepAliveInterval (15 s by default). Access as for GET /api/applications/{id}: 401 without a token, 403 " +
        "problem for a recruiter token without org, 404 problem for an unknown application, another organization's or, for a " +
        "candidate, someone else's; these are answered before the stream starts.";

    private static readonly string HistoryDescription =
        "The application's whole timeline, oldest first: one item per committed change (the same changes as the event " +
        "stream), with `version` (the event id), `at`, `type`, `status` (the application's status after the change), " +
        "`actor` (`candidate:{sub}`, `recruiter:{sub}`, `ai-backend` for the webhook, `poller`, `dispatcher`, `admin`) and " +
        "`details` (job ids, the AI backend's answer, the failure reason, the score; never a secret). `type` is one of: " +
        string.Join(", ", ApplicationEventTypes.All.Select(t => $"`{t}`")) + ". Same access rule as GET /api/applications/{id}.";

    public static IEndpointRouteBuilder MapJobApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.ApiUser);
        group.MapPost("/", CreateApplication);
        group.MapGet("/", ListApplications);
        group.MapGet("/{id}", GetApplication);
        group.MapGet("/{id}/events", StreamApplicationEvents)
            .WithSummary("Live status of one application (server-sent events)")
            .WithDescription(EventsDescription);
        group.MapGet("/{id}/history", GetApplicationHistory)
            .WithSummary("Every committed change of one application, oldest first")
            .WithDescription(HistoryDescription);

        // One route, two forms, one endpoint that picks the form by the request's content type: two endpoints told apart
        // only by Accepts metadata made routing throw (a bare 500) for a request without a Content-Type.
        group.MapPost("/{id}/video-responses", AddVideoResponse)
            .Accepts<AddVideoResponseRequest>("application/json", "multipart/form-data")
            .WithMetadata(new DisableRequestSizeLimitAttribute()) // each form sets its own limit
            .AddOpenApiOperationTransformer(VideoUploadOpenApi.DescribeMultipartForm);
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

    public static async Task<Results<Ok<ApplicationHistoryView>, ProblemHttpResult>> GetApplicationHistory(
        string id, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetApplicationHistoryQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    /// <summary>Settles access and where the stream starts (replay or current state) before it starts, so refusals are ordinary problems.</summary>
    public static async Task<Results<ApplicationEventStream, ProblemHttpResult>> StreamApplicationEvents(
        string id,
        [FromHeader(Name = "Last-Event-ID"), Description("The id (application version) of the last event the client received: the stream continues after it.")] string? lastEventId,
        HttpContext context,
        IServiceScopeFactory scopes,
        IApplicationEventFeed feed,
        OutgoingViewRenderer renderer,
        CancellationToken cancellationToken)
    {
        // Subscribed before the read, so a change committed in between is still delivered.
        var subscription = feed.Subscribe(id);
        try
        {
            var current = await ReadStreamStartAsync(id, context, scopes, cancellationToken);
            if (current.IsFailure)
            {
                subscription.Dispose();
                return current.Error.ToProblem();
            }

            var cursor = await ApplicationEventCursor.OpenAsync(subscription, current.Value, lastEventId, renderer, cancellationToken);
            return new ApplicationEventStream(subscription, cursor);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The application as the stream starts from, read (with the access rule) in a scope of its own: a stream stays
    /// open for hours, and the request's scope would keep this one read's database context (its change tracker and
    /// query services, about 15 KB) alive as long. The scope does the request's work: the same request id and actor;
    /// the caller is read from the request itself.
    /// </summary>
    private static async Task<Result<ApplicationSnapshot>> ReadStreamStartAsync(
        string id, HttpContext context, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var request = context.RequestServices.GetRequiredService<ScopedRequestContext>();
        var work = scope.ServiceProvider.GetRequiredService<ScopedRequestContext>();
        (work.RequestId, work.Actor) = (request.RequestId, request.Actor);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetApplicationSnapshotQuery(id), cancellationToken);
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

    /// <summary>JSON names a video that lives at a URL; a multipart form carries the file; anything else is a 415 problem.</summary>
    public static async Task<Results<Created<VideoResponseCreatedView>, ProblemHttpResult>> AddVideoResponse(
        string id,
        HttpContext context,
        IMediaStore media,
        IOptions<MediaUploadOptions> options,
        ISender sender,
        CancellationToken cancellationToken)
    {
        if (context.Request.HasJsonContentType())
        {
            return await AddVideoByUrl(id, context, sender, cancellationToken);
        }

        return context.Request.HasFormContentType && MultipartVideoReader.IsMultipart(context.Request)
            ? await UploadVideo(id, context, media, options.Value, sender, cancellationToken)
            : MediaProblems.UnsupportedContentType();
    }

    private static async Task<Results<Created<VideoResponseCreatedView>, ProblemHttpResult>> AddVideoByUrl(
        string id, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxJsonBodyBytes;
        }

        AddVideoResponseRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<AddVideoResponseRequest>(cancellationToken);
        }
        catch (JsonException exception)
        {
            // The caller's JSON, not ours: the same 400 as for every other body that cannot be read.
            throw new BadHttpRequestException("The JSON body cannot be read.", StatusCodes.Status400BadRequest, exception);
        }

        request ??= new AddVideoResponseRequest(null, null);
        var result = await sender.Send(new AddVideoResponseCommand(id, request.QuestionId, request.VideoUrl), cancellationToken);
        return result.IsSuccess ? TypedResults.Created((string?)null, result.Value) : result.Error.ToProblem();
    }

    /// <summary>
    /// The multipart form: access and state are settled before the first byte of the body is read, then the file is
    /// streamed to the media store as it arrives, then the command decides.
    /// </summary>
    private static async Task<Results<Created<VideoResponseCreatedView>, ProblemHttpResult>> UploadVideo(
        string id, HttpContext context, IMediaStore media, MediaUploadOptions options, ISender sender, CancellationToken cancellationToken)
    {
        var admission = await sender.Send(new AdmitVideoUploadQuery(id), cancellationToken);
        if (admission.IsFailure)
        {
            return admission.Error.ToProblem();
        }

        await using var form = await MultipartVideoReader.ReadAsync(context, media, options.MaxUploadBytes, cancellationToken);
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
