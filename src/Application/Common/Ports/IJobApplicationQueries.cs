using AppBackend.Application.Common.Paging;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Read-only access for views: nothing returned here is tracked for saving. Every read is narrowed to the caller's
/// <see cref="AccessScope"/>: what lies outside it is not found.
/// </summary>
public interface IJobApplicationQueries
{
    Task<JobApplication?> FindAsync(string id, AccessScope scope, CancellationToken cancellationToken);

    /// <summary>Newest first, strictly after <paramref name="after"/>, at most <paramref name="take"/> rows.</summary>
    Task<IReadOnlyList<JobApplication>> ListAsync(
        AccessScope scope, JobApplicationFilter filter, PageCursor? after, int take, CancellationToken cancellationToken);
}
