using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class InterviewQueries(AppDbContext db) : IInterviewQueries
{
    public Task<Interview?> FindAsync(string id, AccessScope scope, CancellationToken cancellationToken) =>
        db.Interviews.AsNoTracking().Where(scope.Interviews).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>A recruiter's page is read from the (OrganizationId, CreatedAt, Id) index.</summary>
    public async Task<IReadOnlyList<Interview>> ListAsync(AccessScope scope, PageCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Interviews.AsNoTracking().Where(scope.Interviews);
        if (after is not null)
        {
            query = query.Where(i => i.CreatedAt < after.CreatedAt
                || (i.CreatedAt == after.CreatedAt && string.Compare(i.Id, after.Id) < 0));
        }

        return await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(take).ToListAsync(cancellationToken);
    }
}
