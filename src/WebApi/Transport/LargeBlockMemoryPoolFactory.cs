using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace AppBackend.WebApi.Transport;

/// <summary>
/// The pools Kestrel's socket transport asks for (<see cref="IMemoryPoolFactory{T}"/>, .NET 10: one per I/O queue).
/// It reads the factory from the container, so the last registration wins over the one Kestrel adds.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory(TransportBufferMetrics metrics) : IMemoryPoolFactory<byte>
{
    private int _created;

    /// <summary>The pools handed out so far; none would mean the transport no longer asks this factory.</summary>
    public int PoolsCreated => Volatile.Read(ref _created);

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        Interlocked.Increment(ref _created);
        return new LargeBlockMemoryPool(metrics);
    }
}
