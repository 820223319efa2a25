using AppBackend.Application.Common.Paging;
using AppBackend.Application.Interviews;
using AppBackend.Application.Interviews.CreateInterview;
using AppBackend.Application.Interviews.GetInterview;
using AppBackend.Application.Interviews.ListInterviews;
using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppBackend.WebApi.Endpoints;

public static class InterviewEndpoints
{
    public static IEndpointRouteBuilder MapInterviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/interviews").WithTags("Interviews").RequireAuthorization(Policies.ApiUser);
        group.MapPost("/", CreateInterview).RequireAuthorization(Policies.Recruiter);
        group.MapGet("/{id}", GetInterview);
        group.MapGet("/", ListInterviews).RequireAuthorization(Policies.Recruiter);
        return app;
    }

    public static async Task<Created<InterviewView>> CreateInterview(CreateInterviewCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var interview = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/interviews/{interview.Id}", interview);
    }

    public static async Task<Results<Ok<InterviewView>, ProblemHttpResult>> GetInterview(string id, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetInterviewQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    public static async Task<Ok<Page<InterviewView>>> ListInterviews(ISender sender, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var page = await sender.Send(new ListInterviewsQuery(limit ?? PageCursor.DefaultLimit, cursor), cancellationToken);
        return TypedResults.Ok(page);
    }
}
