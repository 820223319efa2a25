using AppBackend.Application.Common.Ports;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Common.Media;

/// <summary>Removing files that are no longer needed, after the fact: a failure is logged, never thrown at the caller.</summary>
public static partial class MediaStoreCleanup
{
    /// <summary>
    /// Deletes the object under <paramref name="key"/>. Used once the outcome is decided (an answer replaced, a
    /// save that failed), when failing the request would be worse than an orphaned file: the orphan is logged.
    /// </summary>
    public static async Task DeleteQuietlyAsync(this IMediaStore media, string key, ILogger logger)
    {
        try
        {
            await media.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogDeleteFailed(logger, exception, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored video {MediaKey} could not be deleted; it is orphaned")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string mediaKey);
}
