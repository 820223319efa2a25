using System.Buffers;
using System.Text;
using AppBackend.Application.Common.Ports;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Media;

/// <summary>
/// <see cref="IMediaStore"/> on a local directory (<c>Media:Root</c>): the object <c>{key}</c> is the file of that
/// name, its content type the sidecar <c>{key}.type</c>. Bytes are staged in <c>.{guid}.partial</c> files in the
/// same directory and committed with <see cref="File.Move(string, string, bool)"/>, an atomic rename on one file
/// system, so a reader sees the whole file or none. The sidecar is committed first, the file last; the file is
/// deleted first, the sidecar last: a file never lacks its type.
/// </summary>
internal sealed class LocalDiskMediaStore(IOptions<MediaStorageOptions> options) : IMediaStore
{
    private const string TypeSuffix = ".type";
    private const string PartialSuffix = ".partial";
    /// <summary>One write to the staging file per MiB received (pooled, so no allocation per upload).</summary>
    private const int CopyBufferBytes = 1024 * 1024;
    private const int MaxKeyLength = 128;

    private static readonly SearchValues<char> KeyCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.Root));

    public async Task<IStagedMedia?> StageAsync(Stream content, string contentType, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var path = NewPartialPath();
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                int wanted;
                int read;
                do
                {
                    // A full buffer per write (one read returns what the network has delivered, often a few KiB),
                    // but never more than one byte past the limit.
                    wanted = maxBytes - length < CopyBufferBytes ? (int)(maxBytes - length) + 1 : CopyBufferBytes;
                    read = await content.ReadAtLeastAsync(buffer.AsMemory(0, wanted), wanted, throwOnEndOfStream: false, cancellationToken);
                    length += read;
                    if (length > maxBytes)
                    {
                        DeleteIfExists(path);
                        return null;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                while (read == wanted);

                // On disk before it can be committed: a crash after the rename must not leave a hollow file.
                file.Flush(flushToDisk: true);
            }

            return new StagedFile(path, contentType, length);
        }
        catch
        {
            DeleteIfExists(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task CommitAsync(IStagedMedia staged, string key, CancellationToken cancellationToken)
    {
        if (staged is not StagedFile file || !file.IsIn(_root))
        {
            throw new ArgumentException("Only media staged by this store can be committed to it.", nameof(staged));
        }

        var target = PathOf(key) ?? throw new ArgumentException($"'{key}' is not a valid media key.", nameof(key));
        var typePartial = NewPartialPath();
        try
        {
            await File.WriteAllTextAsync(typePartial, file.ContentType, Encoding.UTF8, cancellationToken);
            File.Move(typePartial, target + TypeSuffix, overwrite: true);
        }
        catch
        {
            DeleteIfExists(typePartial);
            throw;
        }

        file.CommitTo(target);
    }

    public async Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (path is null)
        {
            return null;
        }

        FileStream stream;
        try
        {
            // FileShare.Delete: replacing or deleting the video does not wait for a download to finish.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var contentType = await ReadContentTypeAsync(path, cancellationToken);
            return new StoredMedia(stream, stream.Length, contentType, File.GetLastWriteTimeUtc(path));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key) ?? throw new ArgumentException($"'{key}' is not a valid media key.", nameof(key));
        DeleteIfExists(path);
        DeleteIfExists(path + TypeSuffix);
        return Task.CompletedTask;
    }

    /// <summary>The file of <paramref name="key"/>, or null for a key that could name anything outside the root.</summary>
    private string? PathOf(string key) =>
        key.Length is > 0 and <= MaxKeyLength && !key.AsSpan().ContainsAnyExcept(KeyCharacters) ? Path.Combine(_root, key) : null;

    private string NewPartialPath() => Path.Combine(_root, $".{Guid.NewGuid():N}{PartialSuffix}");

    private static async Task<string> ReadContentTypeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var text = (await File.ReadAllTextAsync(path + TypeSuffix, Encoding.UTF8, cancellationToken)).Trim();
            return text.Length > 0 ? text : "application/octet-stream";
        }
        catch (FileNotFoundException)
        {
            return "application/octet-stream";
        }
    }

    private static void DeleteIfExists(string path)
    {
        // File.Delete does nothing when the file does not exist.
        File.Delete(path);
    }

    /// <summary>A staged temp file; deleted on dispose unless it was committed (renamed into place).</summary>
    private sealed class StagedFile(string path, string contentType, long length) : IStagedMedia
    {
        private bool _committed;

        public string ContentType { get; } = contentType;

        public long Length { get; } = length;

        public bool IsIn(string root) => string.Equals(Path.GetDirectoryName(path), root, StringComparison.Ordinal);

        public void CommitTo(string target)
        {
            if (_committed)
            {
                throw new InvalidOperationException("These bytes were committed already.");
            }

            File.Move(path, target, overwrite: true);
            _committed = true;
        }

        public ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                DeleteIfExists(path);
            }

            return ValueTask.CompletedTask;
        }
    }
}
