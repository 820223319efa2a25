using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class InterviewQueries(AppDbContext db) : IInterviewQueries
{
    public Task<Interview?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Interview>> ListAsync(PageCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Interviews.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(i => i.CreatedAt < after.CreatedAt
                || (i.CreatedAt == after.CreatedAt && string.Compare(i.Id, after.Id) < 0));
        }

        return await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(take).ToListAsync(cancellationToken);
    }
}
