namespace AppBackend.Domain.JobApplications;

/// <summary>
/// The one table of wire names (lower snake_case): statuses, result outcomes and the webhook's answers, as the API,
/// the webhook, the metrics, the messages and the admin tool spell them.
/// </summary>
public static class StatusNames
{
    /// <summary>A final result's outcome, and a video's status once it has one.</summary>
    public const string Done = "done";

    public const string Failed = "failed";

    /// <summary>The webhook's answer for a job no video is known for.</summary>
    public const string NotFound = "not_found";

    public static string Of(AnalysisOutcome outcome) => outcome switch
    {
        AnalysisOutcome.Done => Done,
        AnalysisOutcome.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The webhook's answer once a result was taken: applied, duplicate or stale.</summary>
    public static string Of(ResultApplication application) => application switch
    {
        ResultApplication.Applied => "applied",
        ResultApplication.Duplicate => "duplicate",
        ResultApplication.Stale => "stale",
        _ => throw new ArgumentOutOfRangeException(nameof(application), application, null),
    };

    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "draft",
        ApplicationStatus.Queued => "queued",
        ApplicationStatus.AwaitingAiAnalysis => "awaiting_ai_analysis",
        ApplicationStatus.Completed => "completed",
        ApplicationStatus.DispatchFailed => "dispatch_failed",
        ApplicationStatus.AnalysisFailed => "analysis_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(VideoStatus status) => status switch
    {
        VideoStatus.Uploaded => "uploaded",
        VideoStatus.Queued => "queued",
        VideoStatus.Processing => "processing",
        VideoStatus.Done => Done,
        VideoStatus.AnalysisFailed => "analysis_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string value, out ApplicationStatus status)
    {
        foreach (var candidate in Enum.GetValues<ApplicationStatus>())
        {
            if (Of(candidate) == value)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
