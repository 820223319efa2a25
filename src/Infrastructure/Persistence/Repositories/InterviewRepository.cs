using AppBackend.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

internal sealed class InterviewRepository(AppDbContext db) : IInterviewRepository
{
    public Task<Interview?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Interviews.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public void Add(Interview interview) => db.Interviews.Add(interview);
}
