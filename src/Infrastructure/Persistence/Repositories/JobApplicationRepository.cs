using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

internal sealed class JobApplicationRepository(AppDbContext db) : IJobApplicationRepository
{
    public Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.JobApplications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<JobApplication?> FindByJobIdAsync(string jobId, CancellationToken cancellationToken) =>
        db.JobApplications.FirstOrDefaultAsync(
            a => a.VideoResponses.Any(v => v.JobId == jobId) || a.AiAnalysisResults.Any(r => r.JobId == jobId),
            cancellationToken);

    public Task<JobApplication?> FindByVideoResponseIdAsync(string videoResponseId, CancellationToken cancellationToken) =>
        db.JobApplications.FirstOrDefaultAsync(a => a.VideoResponses.Any(v => v.Id == videoResponseId), cancellationToken);

    public void Add(JobApplication application) => db.JobApplications.Add(application);
}
