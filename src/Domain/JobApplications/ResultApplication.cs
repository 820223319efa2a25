namespace AppBackend.Domain.JobApplications;

/// <summary>What happened to a reported result: idempotency is an outcome, not an error.</summary>
public enum ResultApplication
{
    /// <summary>The result changed the application.</summary>
    Applied,

    /// <summary>The video is already final for this job; nothing changed.</summary>
    Duplicate,

    /// <summary>The job is an older attempt, no longer the video's current job; nothing changed.</summary>
    Stale,
}
