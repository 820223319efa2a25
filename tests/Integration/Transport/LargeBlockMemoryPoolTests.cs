using System.Buffers;
using System.Diagnostics.Metrics;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.WebApi.Transport;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Transport;

/// <summary>The transport's buffers: 64 KiB blocks, each handed to one renter at a time, and few kept when idle.</summary>
public sealed class LargeBlockMemoryPoolTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>, IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task Kestrel_ReceivesIntoThePoolsOfTheLargeBlockFactory()
    {
        // The app's own meters: the pools these tests make count on meters of the same name.
        var counted = CountBlocks(fixture.Factory.Services.GetRequiredService<IMeterFactory>());

        (await fixture.Client().GetAsync("/health/live")).EnsureSuccessStatusCode();

        fixture.Factory.Services.GetRequiredService<IMemoryPoolFactory<byte>>().Should().BeOfType<LargeBlockMemoryPoolFactory>();
        lock (counted)
        {
            counted.GetValueOrDefault("appbackend_transport_blocks_rented").Should().BePositive();
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(LargeBlockMemoryPool.BlockBytes)]
    public void Rent_AnySizeUpToABlock_GivesAWholeBlock(int minimum)
    {
        using var pool = NewPool();

        using var block = pool.Rent(minimum);

        block.Memory.Length.Should().Be(LargeBlockMemoryPool.BlockBytes);
    }

    [Fact]
    public void Rent_MoreThanABlock_IsRefused()
    {
        using var pool = NewPool();

        var rent = () => pool.Rent(LargeBlockMemoryPool.BlockBytes + 1);

        rent.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AReturnedBlock_IsRentedAgain()
    {
        using var pool = NewPool();
        var first = pool.Rent();
        var memory = first.Memory;

        first.Dispose();
        using var second = pool.Rent();

        second.Memory.Equals(memory).Should().BeTrue();
    }

    [Fact]
    public void ABlockDisposedTwice_GoesBackOnce_SoTwoRentersNeverShareIt()
    {
        using var pool = NewPool();
        var block = pool.Rent();

        block.Dispose();
        block.Dispose();
        using var first = pool.Rent();
        using var second = pool.Rent();

        first.Memory.Equals(second.Memory).Should().BeFalse();
    }

    [Fact]
    public void ABurstsBlocks_BeyondTheRetainedMost_AreLeftToTheGc_AndCountedSo()
    {
        var counted = CountBlocks(_meters.GetRequiredService<IMeterFactory>());
        using var pool = NewPool();
        var burst = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 8).Select(_ => pool.Rent()).ToList();
        var lent = burst.Select(b => b.Memory).ToList();

        burst.ForEach(b => b.Dispose());
        var again = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 8).Select(_ => pool.Rent()).ToList();

        again.Count(b => lent.Any(m => m.Equals(b.Memory))).Should().Be(LargeBlockMemoryPool.MaxRetainedBlocks);
        counted.Should().Equal(new Dictionary<string, long>
        {
            ["appbackend_transport_blocks_rented"] = 2 * (LargeBlockMemoryPool.MaxRetainedBlocks + 8),
            ["appbackend_transport_blocks_allocated"] = LargeBlockMemoryPool.MaxRetainedBlocks + 16,
            ["appbackend_transport_blocks_released"] = 8,
        });
        again.ForEach(b => b.Dispose());
    }

    private LargeBlockMemoryPool NewPool() => new(new TransportBufferMetrics(_meters.GetRequiredService<IMeterFactory>()));

    /// <summary>The transport counters of <paramref name="meters"/> from now on, summed by name as they are recorded.</summary>
    private Dictionary<string, long> CountBlocks(IMeterFactory meters)
    {
        var counts = new Dictionary<string, long>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name.StartsWith("appbackend_transport_blocks_", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // Kestrel's I/O threads record too: one lock keeps the sums whole.
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counts)
            {
                counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
        return counts;
    }
}
