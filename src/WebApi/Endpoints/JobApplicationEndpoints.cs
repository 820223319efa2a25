using AppBackend.Application.Common.Paging;
using AppBackend.Application.JobApplications;
using AppBackend.Application.JobApplications.AddVideoResponse;
using AppBackend.Application.JobApplications.CreateApplication;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.Application.JobApplications.ListApplications;
using AppBackend.Application.JobApplications.RetryApplication;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Domain.Common;
using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppBackend.WebApi.Endpoints;

public static class JobApplicationEndpoints
{
    public static IEndpointRouteBuilder MapJobApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications").RequireAuthorization(Policies.ApiUser);
        group.MapPost("/", CreateApplication);
        group.MapGet("/", ListApplications);
        group.MapGet("/{id}", GetApplication);
        group.MapPost("/{id}/video-responses", AddVideoResponse).Accepts<AddVideoResponseRequest>("application/json");
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
