using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace AppBackend.WebApi.Transport;

/// <summary>
/// The pools Kestrel's socket transport asks for (<see cref="IMemoryPoolFactory{T}"/>, .NET 10: one per I/O queue).
/// It reads the factory from the container, so the last registration wins over the one Kestrel adds.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory(TransportBufferMetrics metrics) : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool(metrics);
}
