namespace AppBackend.Domain.Interviews;

public interface IInterviewRepository
{
    Task<Interview?> FindAsync(string id, CancellationToken cancellationToken);

    void Add(Interview interview);
}
