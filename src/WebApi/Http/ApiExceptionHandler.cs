using AppBackend.Domain.Common;
using AppBackend.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AppBackend.WebApi.Http;

/// <summary>
/// Turns exceptions into problems: invalid input into 400 (with field errors), a lost optimistic-concurrency
/// race into 409, a database that cannot serve now into 503 (the caller retries), anything else unexpected, a
/// statement the database refused included, into a plain 500 that reveals nothing of the exception.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.MalformedRequest, "The request body is larger than this endpoint accepts."),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.MalformedRequest, "This endpoint takes application/json."),
            // A JsonException that is not wrapped in a BadHttpRequestException is ours (writing a response, reading
            // stored data): a server failure (500), never the caller's fault.
            BadHttpRequestException => Problem(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "The request is malformed: the JSON body, or a route or query value, cannot be read as the expected type."),
            ConcurrencyConflictException => Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "The resource was changed by another request at the same time; read it again and retry."),
            _ when DatabaseFailures.IsUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.DatabaseUnavailable, "The database cannot be reached; nothing was stored. Try again shortly."),
            _ => null,
        };

        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDatabaseUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, null, "The server could not complete the request.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails ValidationProblem(ValidationException exception) =>
        ProblemMapping.Validation(exception.Errors
            .GroupBy(e => FieldPath.ToCamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    private static ProblemDetails Problem(int status, string? type, string detail) => ProblemMapping.Plain(status, type, detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database could not be reached while serving {Method} {Path}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
