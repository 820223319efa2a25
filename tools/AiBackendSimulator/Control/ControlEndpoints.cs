using AppBackend.AiBackendSimulator.Http;
using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Control;

/// <summary>
/// The control API for tests and humans. It has no authentication: the simulator listens on
/// loopback by default and must never be exposed beyond a developer machine or a test run.
/// </summary>
public static class ControlEndpoints
{
    private const int MaximumFaultCount = 1000;

    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/control");

        control.MapGet("/settings", (SimulatorState state) => Results.Ok(SettingsView.From(state.Settings)));
        control.MapPost("/settings", UpdateSettingsAsync);

        control.MapGet("/faults", (SimulatorState state) => Results.Ok(state.PendingFaults()));
        control.MapPost("/faults", AddFaultsAsync);

        control.MapPost("/videos/{videoResponseId}/fail", FailVideoAsync);
        control.MapDelete("/videos/{videoResponseId}/fail", (string videoResponseId, SimulatorState state) =>
            state.StopFailingVideo(videoResponseId)
                ? Results.NoContent()
                : NotFound("Video not scripted", $"Video '{videoResponseId}' was not scripted to fail."));

        control.MapPost("/jobs/{jobId}/complete", CompleteJobAsync);
        control.MapPost("/jobs/{jobId}/redeliver", (string jobId, SimulatorState state) => state.Redeliver(jobId) switch
        {
            JobActionOutcome.NotFound => JobNotFound(jobId),
            JobActionOutcome.NotFinal => Results.Problem(
                title: "Job not finished", detail: $"Job '{jobId}' has no final webhook yet.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Accepted(),
        });

        control.MapGet("/requests", (SimulatorState state) => Results.Ok(state.Requests()));
        control.MapGet("/jobs", (SimulatorState state) => Results.Ok(state.Jobs()));
        control.MapGet("/callbacks", (SimulatorState state) => Results.Ok(state.Callbacks()));

        control.MapPost("/reset", (SimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });

        return app;
    }

    private static async Task<IResult> UpdateSettingsAsync(HttpRequest request, SimulatorState state)
    {
        var body = await JsonBody.ReadOptionalAsync<SettingsUpdate>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var update = body.Value ?? new SettingsUpdate(null, null, null, null, null, null, null, null, null);
        var errors = update.Validate();
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid settings", detail: "No setting was changed.");
        }

        state.UpdateSettings(update.ApplyTo);
        return Results.NoContent();
    }

    private static async Task<IResult> AddFaultsAsync(HttpRequest request, SimulatorState state)
    {
        var body = await JsonBody.ReadOptionalAsync<FaultRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fault = body.Value;
        var hang = fault?.Hang ?? false;
        if (!hang && fault?.Status is not (>= 400 and <= 599))
        {
            errors["status"] = ["must be 400-599 (or set hang: true)"];
        }

        if (fault?.Count is < 1 or > MaximumFaultCount)
        {
            errors["count"] = [$"must be 1-{MaximumFaultCount}"];
        }

        if (fault?.RetryAfterSeconds is < 0)
        {
            errors["retryAfterSeconds"] = ["must not be negative"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid fault", detail: "No fault was queued.");
        }

        state.AddFaults(new Fault(hang ? null : fault!.Status, fault!.RetryAfterSeconds, hang), fault.Count ?? 1);
        return Results.NoContent();
    }

    private static async Task<IResult> FailVideoAsync(string videoResponseId, HttpRequest request, SimulatorState state)
    {
        var body = await JsonBody.ReadOptionalAsync<FailVideoRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        state.FailVideo(videoResponseId, body.Value?.Error ?? SimulatorState.DefaultFailureReason);
        return Results.NoContent();
    }

    private static async Task<IResult> CompleteJobAsync(string jobId, HttpRequest request, SimulatorState state)
    {
        var body = await JsonBody.ReadOptionalAsync<CompleteJobRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var statusName = body.Value?.Status;
        if (statusName is not (null or "done" or "failed"))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["status"] = ["must be 'done' or 'failed'"] },
                title: "Invalid completion", detail: "The job was not changed.");
        }

        JobStatus? status = statusName switch
        {
            "done" => JobStatus.Done,
            "failed" => JobStatus.Failed,
            _ => null,
        };

        return state.CompleteJob(jobId, status, body.Value?.OverallScore, body.Value?.Error) switch
        {
            JobActionOutcome.NotFound => JobNotFound(jobId),
            JobActionOutcome.AlreadyFinal => Results.Problem(
                title: "Job already finished", detail: $"Job '{jobId}' is already final.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Ok(state.FindJobStatus(jobId)),
        };
    }

    private static IResult JobNotFound(string jobId) => NotFound("Job not found", $"There is no job '{jobId}'.");

    private static IResult NotFound(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
