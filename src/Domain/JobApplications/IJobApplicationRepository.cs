namespace AppBackend.Domain.JobApplications;

/// <summary>Loads and adds whole application aggregates; the unit of work saves them.</summary>
public interface IJobApplicationRepository
{
    Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The applications of <paramref name="ids"/> that exist, each once, in one read: the batched form of <see cref="FindAsync"/>.</summary>
    Task<IReadOnlyList<JobApplication>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The application holding a video whose current or past job is <paramref name="jobId"/> (an indexed lookup).</summary>
    Task<JobApplication?> FindByJobIdAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// The applications holding a video whose current or past job is one of <paramref name="jobIds"/>, each once: the
    /// batched form of <see cref="FindByJobIdAsync"/> (a group commit's one read).
    /// </summary>
    Task<IReadOnlyList<JobApplication>> FindByJobIdsAsync(IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken);

    /// <summary>The application holding the video <paramref name="videoResponseId"/> (an indexed lookup).</summary>
    Task<JobApplication?> FindByVideoResponseIdAsync(string videoResponseId, CancellationToken cancellationToken);

    void Add(JobApplication application);
}
