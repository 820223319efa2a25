using System.Buffers;
using System.Collections.Concurrent;

namespace AppBackend.WebApi.Transport;

/// <summary>
/// Kestrel's socket transport receives into whatever block its pool hands out, and the default pool's blocks are
/// 4 KiB: a 500 MB upload is then about 128,000 receives, each one a trip through the socket, the pipe and the
/// reader (benchmarks/README.md finding 25). This pool hands out 64 KiB blocks, so one receive takes what the network
/// has, but at most <see cref="MaxLargeBlocks"/> of them exist: a transfer holds a few at a time. Once all are lent,
/// a renter that asks for no more than <see cref="SmallBlockBytes"/> (Kestrel asks for 4 KiB) gets a small block: a
/// change sent to 1,000 open streams is 1,000 small writes at once, and allocating a pinned 64 KiB block for each
/// cost more than the writes themselves (finding 26). Idle connections hold none (Kestrel waits for data before it
/// rents), and no more than <see cref="MaxRetainedSmallBlocks"/> small blocks are kept: a burst's beyond that go back
/// to the GC.
/// </summary>
internal sealed class LargeBlockMemoryPool(TransportBufferMetrics metrics) : MemoryPool<byte>
{
    public const int BlockBytes = 64 * 1024;

    public const int SmallBlockBytes = 4 * 1024;

    public const int MaxLargeBlocks = 64;

    public const int MaxRetainedSmallBlocks = 1024;

    private readonly ConcurrentQueue<Block> _freeLarge = new();
    private readonly ConcurrentQueue<Block> _freeSmall = new();
    private int _largeBlocks;
    private int _retainedSmall;

    public override int MaxBufferSize => BlockBytes;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockBytes);
        if (_freeLarge.TryDequeue(out var block))
        {
            return Lend(block, allocated: false);
        }

        if (Interlocked.Increment(ref _largeBlocks) <= MaxLargeBlocks)
        {
            return Lend(new Block(this, BlockBytes, kept: true), allocated: true);
        }

        Interlocked.Decrement(ref _largeBlocks);
        if (minBufferSize > SmallBlockBytes)
        {
            // Every large block is lent and a small one would not do: one beyond the most, left to the GC once returned.
            return Lend(new Block(this, BlockBytes, kept: false), allocated: true);
        }

        if (_freeSmall.TryDequeue(out block))
        {
            Interlocked.Decrement(ref _retainedSmall);
            return Lend(block, allocated: false);
        }

        return Lend(new Block(this, SmallBlockBytes, kept: true), allocated: true);
    }

    protected override void Dispose(bool disposing)
    {
        _freeLarge.Clear();
        _freeSmall.Clear();
    }

    private Block Lend(Block block, bool allocated)
    {
        block.Rented();
        metrics.Rented(allocated);
        return block;
    }

    private void Return(Block block)
    {
        if (!block.Kept)
        {
            metrics.Released();
        }
        else if (block.Memory.Length == BlockBytes)
        {
            _freeLarge.Enqueue(block);
        }
        else if (Interlocked.Increment(ref _retainedSmall) <= MaxRetainedSmallBlocks)
        {
            _freeSmall.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _retainedSmall);
            metrics.Released();
        }
    }

    private sealed class Block(LargeBlockMemoryPool pool, int bytes, bool kept) : IMemoryOwner<byte>
    {
        private int _returned;

        /// <summary>Whether the pool keeps this block once returned (a large block beyond the most is not kept).</summary>
        public bool Kept => kept;

        // Pinned: the socket reads into it while the operation is in flight.
        public Memory<byte> Memory { get; } = GC.AllocateUninitializedArray<byte>(bytes, pinned: true);

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
