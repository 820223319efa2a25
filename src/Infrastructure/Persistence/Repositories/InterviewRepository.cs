using AppBackend.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

/// <summary>Interviews are immutable, so they are read without tracking and kept in <see cref="InterviewCache"/>.</summary>
internal sealed class InterviewRepository(AppDbContext db, InterviewCache cache) : IInterviewRepository
{
    public async Task<Interview?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (cache.TryGet(id, out var cached))
        {
            return cached;
        }

        var interview = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (interview is not null)
        {
            cache.Add(interview);
        }

        return interview;
    }

    public void Add(Interview interview) => db.Interviews.Add(interview);
}
