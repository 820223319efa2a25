namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Bytes received and held aside by <see cref="IMediaStore.StageAsync"/> (a temp file beside the media, a staging
/// object) until a use case commits them under a key. Disposing it drops the bytes unless they were committed.
/// </summary>
public interface IStagedMedia : IAsyncDisposable
{
    /// <summary>The type the bytes are served with once committed.</summary>
    string ContentType { get; }

    /// <summary>How many bytes were received.</summary>
    long Length { get; }
}
