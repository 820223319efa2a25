using AppBackend.Domain.Common;

namespace AppBackend.Admin.Cli;

/// <summary>The refusals only the admin tool gives (the use cases' own come from their *Errors classes).</summary>
public static class AdminErrors
{
    public static Error JobNotInFlight(string jobId) =>
        Error.NotFound(
            "job.not_in_flight",
            $"Job '{jobId}' was not asked about: it is unknown, already final or superseded, another instance is polling it right now, or the AI backend could not be reached (see any warning above).");

    public static Error DispatchFailed(string applicationId, string status, string? failureReason) =>
        Error.Conflict("dispatch.failed", $"The AI backend did not take the dispatch: application {applicationId} is {status} ({failureReason}).");

    public static Error DispatchObsolete(string applicationId, string status) =>
        Error.Conflict("dispatch.obsolete", $"Nothing was sent: the dispatch no longer matched application {applicationId}, which is {status}.");

    public static Error AuthorityConfigured() =>
        Error.Conflict(
            "token.authority_configured",
            "Auth:Authority is set, so the API accepts only that authority's tokens and would refuse one signed here.");
}
