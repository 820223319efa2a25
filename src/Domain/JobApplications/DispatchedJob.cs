namespace AppBackend.Domain.JobApplications;

/// <summary>The job the AI backend created for one video of a dispatch.</summary>
public sealed record DispatchedJob(string VideoResponseId, string JobId);
