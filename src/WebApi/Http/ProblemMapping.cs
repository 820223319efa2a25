using AppBackend.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AppBackend.WebApi.Http;

/// <summary>The one place where a domain <see cref="Error"/> becomes an RFC 9457 problem.</summary>
internal static class ProblemMapping
{
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

        var problem = new ProblemDetails
        {
            Type = ProblemTypes.For(error.Code),
            Title = Titles.For(status),
            Status = status,
            Detail = error.Description,
        };
        problem.Extensions["code"] = error.Code;
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
