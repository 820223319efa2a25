using System.Diagnostics.Metrics;
using AppBackend.Infrastructure.Observability;

namespace AppBackend.WebApi.Transport;

/// <summary>
/// What the transport's pools (<see cref="LargeBlockMemoryPool"/>) do with their blocks: rented, allocated because
/// none was kept, and left to the GC because enough were kept. Allocations that keep pace with rents mean the blocks
/// are not reused; the same figures also show that Kestrel uses these pools at all.
/// </summary>
internal sealed class TransportBufferMetrics
{
    private readonly Counter<long> _rented;
    private readonly Counter<long> _allocated;
    private readonly Counter<long> _released;

    public TransportBufferMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AnalysisMetrics.MeterName);
        _rented = meter.CreateCounter<long>("appbackend_transport_blocks_rented", description: "Blocks the transport's pools handed out.");
        _allocated = meter.CreateCounter<long>("appbackend_transport_blocks_allocated", description: "Blocks the transport's pools allocated because none was kept.");
        _released = meter.CreateCounter<long>("appbackend_transport_blocks_released", description: "Blocks given back beyond the number kept, left to the GC.");
    }

    public void Rented(bool allocated)
    {
        _rented.Add(1);
        if (allocated)
        {
            _allocated.Add(1);
        }
    }

    public void Released() => _released.Add(1);
}
