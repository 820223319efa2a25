using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

internal sealed class JobApplicationRepository(AppDbContext db) : IJobApplicationRepository
{
    /// <summary>
    /// The tracked aggregate when this unit of work already loaded it (a query would return that same instance anyway,
    /// unchanged: a round trip for nothing, e.g. when a dispatch records its answer), else one query.
    /// </summary>
    public Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.JobApplications.FindAsync([id], cancellationToken).AsTask();

    /// <summary>
    /// Two lookups, each on its own index (the current job's unique index, then the results' key): one query with
    /// <c>EXISTS … OR EXISTS …</c> cannot use either and scans every application (see benchmarks/README.md).
    /// </summary>
    public async Task<JobApplication?> FindByJobIdAsync(string jobId, CancellationToken cancellationToken) =>
        await db.JobApplications.FirstOrDefaultAsync(a => a.VideoResponses.Any(v => v.JobId == jobId), cancellationToken)
        ?? await db.JobApplications.FirstOrDefaultAsync(a => a.AiAnalysisResults.Any(r => r.JobId == jobId), cancellationToken);

    public Task<JobApplication?> FindByVideoResponseIdAsync(string videoResponseId, CancellationToken cancellationToken) =>
        db.JobApplications.FirstOrDefaultAsync(a => a.VideoResponses.Any(v => v.Id == videoResponseId), cancellationToken);

    public void Add(JobApplication application) => db.JobApplications.Add(application);
}
