using AppBackend.Application.Common.Ports;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>An in-memory <see cref="IMediaStore"/> that logs commits and deletes.</summary>
internal sealed class FakeMediaStore(OperationLog log) : IMediaStore
{
    public Dictionary<string, string> Objects { get; } = [];

    public Exception? DeleteFailure { get; set; }

    public Task<IStagedMedia?> StageAsync(Stream content, string contentType, long maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult<IStagedMedia?>(new Staged(contentType, 0));

    public Task CommitAsync(IStagedMedia staged, string key, CancellationToken cancellationToken)
    {
        log.Add($"commit {key}");
        Objects[key] = staged.ContentType;
        return Task.CompletedTask;
    }

    public Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Objects.TryGetValue(key, out var type) ? new StoredMedia(new MemoryStream(), 0, type, DateTimeOffset.UnixEpoch) : null);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        log.Add($"delete {key}");
        if (DeleteFailure is not null)
        {
            throw DeleteFailure;
        }

        Objects.Remove(key);
        return Task.CompletedTask;
    }

    public static IStagedMedia StagedVideo() => new Staged("video/mp4", 1024);

    private sealed record Staged(string ContentType, long Length) : IStagedMedia
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
