namespace AppBackend.Domain.JobApplications;

/// <summary>The final answer the AI backend gives for one job.</summary>
public enum AnalysisOutcome
{
    Done,
    Failed,
}
