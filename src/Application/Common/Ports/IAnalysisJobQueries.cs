namespace AppBackend.Application.Common.Ports;

/// <summary>Finds AI jobs still in flight (videos <c>processing</c>), for the poller and the alerter.</summary>
public interface IAnalysisJobQueries
{
    /// <summary>
    /// Jobs whose next poll is due at <paramref name="now"/>, longest overdue first, so that a job left out of one
    /// batch comes first in the next.
    /// </summary>
    Task<IReadOnlyList<AnalysisJobRef>> DueForPollAsync(DateTimeOffset now, int take, CancellationToken cancellationToken);

    /// <summary>Jobs dispatched before <paramref name="dispatchedBefore"/> that have not been alerted on.</summary>
    Task<IReadOnlyList<AnalysisJobRef>> DueForAlertAsync(DateTimeOffset dispatchedBefore, int take, CancellationToken cancellationToken);

    /// <summary>The in-flight job <paramref name="jobId"/>, whether due or not.</summary>
    Task<AnalysisJobRef?> FindInFlightAsync(string jobId, CancellationToken cancellationToken);
}

public sealed record AnalysisJobRef(string ApplicationId, string VideoResponseId, string JobId, DateTimeOffset DispatchedAt);
