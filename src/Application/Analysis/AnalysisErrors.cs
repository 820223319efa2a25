using AppBackend.Domain.Common;

namespace AppBackend.Application.Analysis;

/// <summary>Every refusal of the analysis pipeline's use cases (the aggregate's own are in JobApplicationErrors).</summary>
public static class AnalysisErrors
{
    public static Error DispatchNotFound(string idempotencyKey) =>
        Error.NotFound("dispatch.not_found", $"No dispatch is owed under key '{idempotencyKey}'.");

    /// <param name="leaseUntil">When the holder's lease runs out, if it is known and not yet over.</param>
    public static Error DispatchInProgress(string applicationId, DateTimeOffset? leaseUntil) =>
        Error.Conflict(
            "dispatch.in_progress",
            $"The dispatch of application '{applicationId}' is in progress: a dispatch worker holds it"
            + (leaseUntil is { } until ? $" (its lease runs until {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})" : string.Empty)
            + ". Look again once it has finished.");

    /// <summary>The AI backend's answer about a job breaks the rules a reported result must keep.</summary>
    public static Error UnusableAnswer(string reason) =>
        Error.Validation("analysis.unusable_answer", reason);
}
