namespace AppBackend.Domain.JobApplications;

/// <summary>The application's place in the analysis journey (contract section 1).</summary>
public enum ApplicationStatus
{
    Draft,
    Queued,
    AwaitingAiAnalysis,
    Completed,
    DispatchFailed,
    AnalysisFailed,
}
