namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// A video of any length made while it is read (an MP4 <c>ftyp</c> box, then a repeating pattern), so that a test can
/// send many megabytes without holding them. Not seekable, so <c>HttpClient</c> sends it without a Content-Length.
/// </summary>
public sealed class GeneratedVideoStream(long length) : Stream
{
    private static readonly byte[] Head = TestVideos.Ftyp("isom");

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The byte at <paramref name="position"/>; the same for every instance.</summary>
    public static byte ByteAt(long position) => position < Head.Length ? Head[position] : (byte)(position * 31 % 251);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(_position + i);
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
