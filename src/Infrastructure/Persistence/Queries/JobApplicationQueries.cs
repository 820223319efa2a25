using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class JobApplicationQueries(AppDbContext db) : IJobApplicationQueries
{
    public Task<JobApplication?> FindAsync(string id, AccessScope scope, CancellationToken cancellationToken) =>
        db.JobApplications.AsNoTracking().Where(scope.Applications).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>A recruiter's page is read from the (OrganizationId, CreatedAt, Id) index, a candidate's from the owner's.</summary>
    public async Task<IReadOnlyList<JobApplication>> ListAsync(
        AccessScope scope, JobApplicationFilter filter, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.JobApplications.AsNoTracking().Where(scope.Applications);
        if (filter.OrganizationId is not null)
        {
            query = query.Where(a => a.OrganizationId == filter.OrganizationId);
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
