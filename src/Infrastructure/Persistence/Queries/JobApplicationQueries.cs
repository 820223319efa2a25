using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class JobApplicationQueries(AppDbContext db) : IJobApplicationQueries
{
    public Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.JobApplications.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<JobApplication>> ListAsync(
        JobApplicationFilter filter, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.JobApplications.AsNoTracking();
        if (filter.OwnerId is not null)
        {
            query = query.Where(a => a.OwnerId == filter.OwnerId);
        }

        if (filter.InterviewId is not null)
        {
            query = query.Where(a => a.InterviewId == filter.InterviewId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.UpdatedBefore is { } updatedBefore)
        {
            query = query.Where(a => a.UpdatedAt <= updatedBefore);
        }

        if (after is not null)
        {
            query = query.Where(a => a.CreatedAt < after.CreatedAt
                || (a.CreatedAt == after.CreatedAt && string.Compare(a.Id, after.Id) < 0));
        }

        return await query
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(take)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }
}
