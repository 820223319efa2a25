using System.Buffers;
using System.Collections.Concurrent;

namespace AppBackend.WebApi.Transport;

/// <summary>
/// Kestrel's socket transport receives into whatever block its pool hands out, and the default pool's blocks are
/// 4 KiB: a 500 MB upload is then about 128,000 receives, each one a trip through the socket, the pipe and the
/// reader (benchmarks/README.md finding 25). These blocks are larger, so one receive takes what the network has.
/// Idle connections hold none (Kestrel waits for data before it rents a block), and no more than
/// <see cref="MaxRetainedBlocks"/> are kept for reuse: a burst's blocks beyond that go back to the GC.
/// </summary>
internal sealed class LargeBlockMemoryPool(TransportBufferMetrics metrics) : MemoryPool<byte>
{
    public const int BlockBytes = 64 * 1024;

    public const int MaxRetainedBlocks = 64;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _retained;

    public override int MaxBufferSize => BlockBytes;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockBytes);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _retained);
            block.Rented();
            metrics.Rented(allocated: false);
            return block;
        }

        metrics.Rented(allocated: true);
        return new Block(this);
    }

    protected override void Dispose(bool disposing)
    {
        _free.Clear();
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _retained) <= MaxRetainedBlocks)
        {
            _free.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _retained);
            metrics.Released();
        }
    }

    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private int _returned;

        // Pinned: the socket reads into it while the operation is in flight.
        public Memory<byte> Memory { get; } = GC.AllocateUninitializedArray<byte>(BlockBytes, pinned: true);

        public void Rented() => Volatile.Write(ref _returned, 0);

        // Returned once: a second Dispose would hand one buffer to two renters.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                pool.Return(this);
            }
        }
    }
}
