using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

internal sealed class JobApplicationRepository(AppDbContext db) : IJobApplicationRepository
{
    /// <summary>
    /// The tracked aggregate when this unit of work already loaded it (a query would return that same instance anyway,
    /// unchanged: a round trip for nothing, e.g. when a dispatch records its answer), else one compiled query.
    /// </summary>
    public Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken) => db.FindApplicationAsync(id, cancellationToken);

    public async Task<IReadOnlyList<JobApplication>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.JobApplications.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);

    /// <summary>One job's application: the batched lookup below, for one job.</summary>
    public async Task<JobApplication?> FindByJobIdAsync(string jobId, CancellationToken cancellationToken) =>
        (await FindByJobIdsAsync([jobId], cancellationToken)).FirstOrDefault();

    /// <summary>
    /// Two lookups, each on its own index (the current jobs' unique index, then the results' key; the second only for
    /// the jobs the first did not find): one query with <c>EXISTS … OR EXISTS …</c> cannot use either and scans every
    /// application (see benchmarks/README.md).
    /// </summary>
    public async Task<IReadOnlyList<JobApplication>> FindByJobIdsAsync(IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken)
    {
        var found = await db.JobApplications
            .Where(a => a.VideoResponses.Any(v => v.JobId != null && jobIds.Contains(v.JobId)))
            .ToListAsync(cancellationToken);
        var current = found.SelectMany(a => a.VideoResponses).Select(v => v.JobId).ToHashSet(StringComparer.Ordinal);
        var past = jobIds.Where(j => !current.Contains(j)).ToList();
        if (past.Count > 0)
        {
            var ids = found.Select(a => a.Id).ToList();
            found.AddRange(await db.JobApplications
                .Where(a => !ids.Contains(a.Id) && a.AiAnalysisResults.Any(r => past.Contains(r.JobId)))
                .ToListAsync(cancellationToken));
        }

        return found;
    }

    public Task<JobApplication?> FindByVideoResponseIdAsync(string videoResponseId, CancellationToken cancellationToken) =>
        db.JobApplications.FirstOrDefaultAsync(a => a.VideoResponses.Any(v => v.Id == videoResponseId), cancellationToken);

    public void Add(JobApplication application) => db.JobApplications.Add(application);
}
