using System.Buffers;
using System.Diagnostics.Metrics;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.WebApi.Transport;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Transport;

/// <summary>The transport's buffers: 64 KiB blocks while any is free, 4 KiB ones beyond them, each handed to one renter at a time.</summary>
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
    public void ABurst_BeyondTheLargeBlocks_GetsSmallOnes_AndTheNextBurstReusesThemAll()
    {
        var counted = CountBlocks(_meters.GetRequiredService<IMeterFactory>());
        using var pool = NewPool();
        var burst = Enumerable.Range(0, LargeBlockMemoryPool.MaxLargeBlocks + 8).Select(_ => pool.Rent(LargeBlockMemoryPool.SmallBlockBytes)).ToList();
        var lent = burst.Select(b => b.Memory).ToList();

        burst.ForEach(b => b.Dispose());
        var again = Enumerable.Range(0, LargeBlockMemoryPool.MaxLargeBlocks + 8).Select(_ => pool.Rent(LargeBlockMemoryPool.SmallBlockBytes)).ToList();

        burst.Select(b => b.Memory.Length).Should().Equal(
            Enumerable.Repeat(LargeBlockMemoryPool.BlockBytes, LargeBlockMemoryPool.MaxLargeBlocks).Concat(Enumerable.Repeat(LargeBlockMemoryPool.SmallBlockBytes, 8)));
        again.Should().OnlyContain(b => lent.Any(m => m.Equals(b.Memory)));
        counted.Should().Equal(new Dictionary<string, long>
        {
            ["appbackend_transport_blocks_rented"] = 2 * (LargeBlockMemoryPool.MaxLargeBlocks + 8),
            ["appbackend_transport_blocks_allocated"] = LargeBlockMemoryPool.MaxLargeBlocks + 8,
        });
        again.ForEach(b => b.Dispose());
    }

    [Fact]
    public void ARenterThatNeedsMoreThanASmallBlock_GetsALargeOneEvenWhenAllAreLent_LeftToTheGcOnReturn()
    {
        var counted = CountBlocks(_meters.GetRequiredService<IMeterFactory>());
        using var pool = NewPool();
        var all = Enumerable.Range(0, LargeBlockMemoryPool.MaxLargeBlocks).Select(_ => pool.Rent()).ToList();

        var beyond = pool.Rent(LargeBlockMemoryPool.SmallBlockBytes + 1);
        var memory = beyond.Memory;
        beyond.Dispose();
        all.ForEach(b => b.Dispose());

        memory.Length.Should().Be(LargeBlockMemoryPool.BlockBytes);
        var next = Enumerable.Range(0, LargeBlockMemoryPool.MaxLargeBlocks + 1).Select(_ => pool.Rent()).ToList();
        next.Should().NotContain(b => b.Memory.Equals(memory));
        counted.GetValueOrDefault("appbackend_transport_blocks_released").Should().Be(1);
        next.ForEach(b => b.Dispose());
    }

    [Fact]
    public void SmallBlocks_BeyondTheRetainedMost_AreLeftToTheGc_AndCountedSo()
    {
        var counted = CountBlocks(_meters.GetRequiredService<IMeterFactory>());
        using var pool = NewPool();
        var burst = Enumerable.Range(0, LargeBlockMemoryPool.MaxLargeBlocks + LargeBlockMemoryPool.MaxRetainedSmallBlocks + 8).Select(_ => pool.Rent()).ToList();

        burst.ForEach(b => b.Dispose());

        counted.GetValueOrDefault("appbackend_transport_blocks_released").Should().Be(8);
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
