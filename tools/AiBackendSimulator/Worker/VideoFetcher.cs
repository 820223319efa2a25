using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Worker;

/// <summary>GETs a job's video the way the real AI backend would, counting the bytes and throwing them away.</summary>
public sealed class VideoFetcher(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<VideoFetcher> logger)
{
    public const string HttpClientName = "videos";

    public async Task<VideoFetchResult> FetchAsync(VideoFetchOrder order, CancellationToken cancellationToken)
    {
        var result = await GetAsync(order.VideoUrl, cancellationToken);
        logger.LogInformation(
            "Video of {JobId} from {VideoUrl}: status {StatusCode}, {Bytes} bytes, {Error}",
            order.JobId, order.VideoUrl, result.StatusCode, result.Bytes, result.Error ?? "ok");
        return result;
    }

    private async Task<VideoFetchResult> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        long bytes = 0;
        int? statusCode = null;
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            statusCode = (int)response.StatusCode;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
            }

            var error = response.IsSuccessStatusCode ? null : $"HTTP {statusCode}";
            return new VideoFetchResult(timeProvider.GetUtcNow(), statusCode, bytes, error);
        }
        catch (HttpRequestException exception)
        {
            return new VideoFetchResult(timeProvider.GetUtcNow(), statusCode, bytes, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new VideoFetchResult(timeProvider.GetUtcNow(), statusCode, bytes, "timeout");
        }
    }
}
