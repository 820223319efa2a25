using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Ports.AnalysisBackend;
using AppBackend.Infrastructure.Http;
using Polly.Timeout;
using Refit;

namespace AppBackend.Infrastructure.AnalysisBackend;

/// <summary>Turns the AI backend's HTTP answers (after the resilience pipeline's retries) into dispatch answers.</summary>
internal sealed class RefitAnalysisBackend(IAiBackendApi api, IRequestContext requestContext) : IAnalysisBackend
{
    private const int MaxLoggedBodyLength = 2000;

    public async Task<DispatchAnswer> StartAnalysisAsync(AnalysisRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        IApiResponse<StartAnalysisResponse> response;
        try
        {
            response = await api.StartAnalysisAsync(request, idempotencyKey, requestContext.RequestId, cancellationToken);
        }
        catch (Exception ex) when (NotSerializable(ex) is { } notSent)
        {
            return new DispatchAnswer.NotSent(notSent.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or ApiException)
        {
            // A call cut short by our own shutdown is no answer of the AI backend's.
            cancellationToken.ThrowIfCancellationRequested();
            return new DispatchAnswer.Unavailable(Describe(ex));
        }

        using (response)
        {
            if (response.StatusCode is not { } statusCode)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return NotSerializable(response.Error) is { } notSent
                    ? new DispatchAnswer.NotSent(notSent.Message)
                    : new DispatchAnswer.Unavailable(Describe(response.Error?.InnerException ?? response.Error!));
            }

            var status = (int)statusCode;
            if (response.IsSuccessful)
            {
                var jobs = response.Content?.JobIds ?? [];
                return new DispatchAnswer.Accepted([.. jobs.Select(j => new AcceptedJob(j.JobId ?? string.Empty, j.VideoResponseId))]);
            }

            var body = Truncate((response.Error as ApiException)?.Content);
            return status switch
            {
                409 => new DispatchAnswer.VersionMismatch(body),
                _ when AiBackendResilience.IsTransient(statusCode) => new DispatchAnswer.Unavailable($"HTTP {status} after every retry"),
                _ => new DispatchAnswer.Refused(status, body),
            };
        }
    }

    public async Task<JobStatusReport?> GetJobStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        IApiResponse<JobStatusResponse> response;
        try
        {
            response = await api.GetJobStatusAsync(jobId, requestContext.RequestId, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException($"Every attempt to ask about job '{jobId}' timed out.", ex);
        }

        using var disposable = response;
        if (response.StatusCode is null && response.Error is { } transportError)
        {
            throw new HttpRequestException($"The AI backend could not be asked about job '{jobId}'.", transportError);
        }

        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessful || response.Content is not { Status: not null } job)
        {
            throw new HttpRequestException($"The AI backend answered {(int?)response.StatusCode} for job '{jobId}'.", null, response.StatusCode);
        }

        return new JobStatusReport(job.JobId ?? jobId, job.VideoResponseId, job.Status, job.OverallScore, job.AiAnalysisId, job.Error);
    }

    /// <summary>Our own failure to write the request, wherever the client wrapped it.</summary>
    private static RequestNotSerializableException? NotSerializable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RequestNotSerializableException notSerializable)
            {
                return notSerializable;
            }
        }

        return null;
    }

    private static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException => "every attempt timed out",
        HttpRequestException { HttpRequestError: var error } => $"connection failed ({error})",
        _ => "the answer could not be read",
    };

    private static string Truncate(string? body) =>
        body is null ? string.Empty : body.Length <= MaxLoggedBodyLength ? body : body[..MaxLoggedBodyLength] + "…";
}
