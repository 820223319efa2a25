namespace AppBackend.Domain.JobApplications;

/// <summary>The human-readable failure reasons the contract fixes.</summary>
public static class FailureReasons
{
    public const string AnalysisCouldNotBeStarted = "analysis could not be started";
    public const string ApiVersionMismatch = "AI backend API version mismatch";
    public const string AiBackendUnavailable = "AI backend unavailable after retries";

    public static string AnalysisFailed(int failed, int total) =>
        $"AI analysis failed for {failed} of {total} video{(total == 1 ? string.Empty : "s")}";
}
