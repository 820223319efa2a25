namespace AppBackend.Application.Common.Ports.AnalysisBackend;

/// <summary>The AI backend (contract section 3). Implementations authenticate, retry and time out as the contract says.</summary>
public interface IAnalysisBackend
{
    /// <summary>Starts the analysis; every retry of this call carries the same <paramref name="idempotencyKey"/>.</summary>
    Task<DispatchAnswer> StartAnalysisAsync(AnalysisRequest request, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The job's current state, or null when the AI backend does not know it.</summary>
    /// <exception cref="HttpRequestException">The AI backend could not be reached or answered an error.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    Task<JobStatusReport?> GetJobStatusAsync(string jobId, CancellationToken cancellationToken);
}
