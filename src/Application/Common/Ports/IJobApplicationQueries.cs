using AppBackend.Application.Common.Paging;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>Read-only access for views: nothing returned here is tracked for saving.</summary>
public interface IJobApplicationQueries
{
    Task<JobApplication?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first, strictly after <paramref name="after"/>, at most <paramref name="take"/> rows.</summary>
    Task<IReadOnlyList<JobApplication>> ListAsync(
        JobApplicationFilter filter, PageCursor? after, int take, CancellationToken cancellationToken);
}
