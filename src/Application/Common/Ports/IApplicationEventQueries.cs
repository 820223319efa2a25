using AppBackend.Application.JobApplications;

namespace AppBackend.Application.Common.Ports;

/// <summary>Read-only access to the application event log for the history.</summary>
public interface IApplicationEventQueries
{
    /// <summary>Every logged change of the application, oldest first (without the replay views).</summary>
    Task<IReadOnlyList<ApplicationHistoryItemView>> HistoryAsync(string applicationId, CancellationToken cancellationToken);
}
