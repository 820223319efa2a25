using AppBackend.Domain.Common;

namespace AppBackend.Domain.Interviews;

public static class InterviewErrors
{
    public static Error NotFound(string id) => Error.NotFound("interview.not_found", $"Interview '{id}' does not exist.");
}
