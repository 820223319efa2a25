using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>Repositories that know one application and its interview.</summary>
internal sealed class FakeRepositories(JobApplication application, Interview interview) : IJobApplicationRepository, IInterviewRepository
{
    public Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(id == application.Id ? application : null);

    public Task<IReadOnlyList<JobApplication>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<JobApplication?> FindByJobIdAsync(string jobId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<JobApplication>> FindByJobIdsAsync(IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<JobApplication?> FindByVideoResponseIdAsync(string videoResponseId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Add(JobApplication application) => throw new NotSupportedException();

    Task<Interview?> IInterviewRepository.FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(id == interview.Id ? interview : null);

    public void Add(Interview interview) => throw new NotSupportedException();
}
