using AppBackend.Domain.Common;

namespace AppBackend.Domain.JobApplications;

/// <summary>Every refusal the application aggregate can give, with a stable code per rule.</summary>
public static class JobApplicationErrors
{
    public static Error NotFound(string id) =>
        Error.NotFound("application.not_found", $"Application '{id}' does not exist.");

    public static Error VideoNotFound(string videoResponseId) =>
        Error.NotFound("application.video_not_found", $"Video response '{videoResponseId}' does not exist.");

    public static Error QuestionNotInInterview(string questionId) =>
        Error.Validation("application.question_not_in_interview", $"Question '{questionId}' does not belong to this application's interview.")
            with { Details = new Dictionary<string, object?> { ["field"] = "questionId" } };

    public static Error NotEditable(ApplicationStatus status) =>
        Error.Conflict("application.not_editable", $"Videos can be added only while the application is draft, or to replace a failed video before a retry; it is {StatusNames.Of(status)}.");

    public static Error VideoNotReplaceable(string questionId) =>
        Error.Conflict("application.video_not_replaceable", $"The answer to question '{questionId}' has not failed analysis, so it cannot be replaced now.");

    public static Error TakesExhausted(string questionId, int maxTakes) =>
        Error.Conflict("application.takes_exhausted", $"Question '{questionId}' allows {maxTakes} take{(maxTakes == 1 ? string.Empty : "s")}, and all of them are recorded.")
            with { Details = new Dictionary<string, object?> { ["questionId"] = questionId, ["maxTakes"] = maxTakes } };

    public static Error NotDraft(ApplicationStatus status) =>
        Error.Conflict("application.not_draft", $"Only a draft application can be submitted; it is {StatusNames.Of(status)}.");

    public static Error MissingVideos(IReadOnlyList<string> questionIds) =>
        Error.Rule("application.missing_videos", "Every question of the interview needs a video before the application can be submitted.")
            with { Details = new Dictionary<string, object?> { ["missingQuestionIds"] = questionIds } };

    public static Error NotQueued(ApplicationStatus status) =>
        Error.Conflict("application.not_queued", $"The application is not waiting for dispatch; it is {StatusNames.Of(status)}.");

    public static Error NotAwaitingDispatch(string videoResponseId) =>
        Error.Conflict("application.video_not_awaiting_dispatch", $"Video response '{videoResponseId}' was not waiting for dispatch.");

    public static Error MissingJobIds(IReadOnlyList<string> videoResponseIds) =>
        Error.Rule("application.missing_job_ids", "The AI backend did not return a job for every video sent.")
            with { Details = new Dictionary<string, object?> { ["videoResponseIds"] = videoResponseIds } };

    public static Error RetryNotAllowed(ApplicationStatus status) =>
        Error.Conflict("application.retry_not_allowed", $"The application cannot be retried; it is {StatusNames.Of(status)}.");

    public static Error JobNotFound(string jobId) =>
        Error.NotFound("application.job_not_found", $"No video is known for job '{jobId}'.");
}
