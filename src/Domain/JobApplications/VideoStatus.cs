namespace AppBackend.Domain.JobApplications;

/// <summary>One video's place in the analysis journey (contract section 1).</summary>
public enum VideoStatus
{
    Uploaded,
    Queued,
    Processing,
    Done,
    AnalysisFailed,
}
