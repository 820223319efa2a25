using AppBackend.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AppBackend.WebApi.Http;

/// <summary>The one place where an RFC 9457 problem is shaped: from a domain <see cref="Error"/>, from a stable code, or from field errors.</summary>
internal static class ProblemMapping
{
    public const string ValidationDetail = "One or more fields are not valid; see 'errors'.";

    /// <summary>A problem with a <c>type</c> and a <c>code</c> made from one stable error code.</summary>
    public static ProblemDetails Coded(int status, string code, string detail)
    {
        var problem = Plain(status, ProblemTypes.For(code), detail);
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>A 400 validation problem; <paramref name="errors"/> maps JSON field paths to their messages.</summary>
    public static ProblemDetails Validation(IDictionary<string, string[]> errors)
    {
        var problem = Plain(StatusCodes.Status400BadRequest, ProblemTypes.Validation, ValidationDetail);
        problem.Extensions["errors"] = errors;
        return problem;
    }

    public static ProblemDetails Plain(int status, string? type, string detail) => new()
    {
        Status = status,
        Type = type,
        Title = Titles.For(status),
        Detail = detail,
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Rule => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status500InternalServerError,
        };

        var problem = Coded(status, error.Code, error.Description);
        foreach (var (key, value) in error.Details)
        {
            if (key == "field")
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [(string)value!] = [error.Description] };
            }
            else
            {
                problem.Extensions[key] = value;
            }
        }

        return TypedResults.Problem(problem);
    }
}
