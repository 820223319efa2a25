namespace AppBackend.Domain.JobApplications;

/// <summary>The wire names of the statuses (lower snake_case), used in messages and by the API.</summary>
public static class StatusNames
{
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
        VideoStatus.Done => "done",
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
