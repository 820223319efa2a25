using System.Buffers;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.WebApi.Transport;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Transport;

/// <summary>The transport's buffers: 64 KiB blocks, each handed to one renter at a time, and few kept when idle.</summary>
public sealed class LargeBlockMemoryPoolTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task Kestrel_ReceivesIntoThePoolsOfTheLargeBlockFactory()
    {
        var response = await fixture.Client().GetAsync("/health/live");

        response.EnsureSuccessStatusCode();
        var factory = fixture.Factory.Services.GetRequiredService<IMemoryPoolFactory<byte>>();
        factory.Should().BeOfType<LargeBlockMemoryPoolFactory>().Which.PoolsCreated.Should().BePositive();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(LargeBlockMemoryPool.BlockBytes)]
    public void Rent_AnySizeUpToABlock_GivesAWholeBlock(int minimum)
    {
        using var pool = new LargeBlockMemoryPool();

        using var block = pool.Rent(minimum);

        block.Memory.Length.Should().Be(LargeBlockMemoryPool.BlockBytes);
    }

    [Fact]
    public void Rent_MoreThanABlock_IsRefused()
    {
        using var pool = new LargeBlockMemoryPool();

        var rent = () => pool.Rent(LargeBlockMemoryPool.BlockBytes + 1);

        rent.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AReturnedBlock_IsRentedAgain()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        var memory = first.Memory;

        first.Dispose();
        using var second = pool.Rent();

        second.Memory.Equals(memory).Should().BeTrue();
    }

    [Fact]
    public void ABlockDisposedTwice_GoesBackOnce_SoTwoRentersNeverShareIt()
    {
        using var pool = new LargeBlockMemoryPool();
        var block = pool.Rent();

        block.Dispose();
        block.Dispose();
        using var first = pool.Rent();
        using var second = pool.Rent();

        first.Memory.Equals(second.Memory).Should().BeFalse();
    }

    [Fact]
    public void ABurstsBlocks_BeyondTheRetainedMost_AreLeftToTheGc()
    {
        using var pool = new LargeBlockMemoryPool();
        var burst = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 8).Select(_ => pool.Rent()).ToList();
        var lent = burst.Select(b => b.Memory).ToList();

        burst.ForEach(b => b.Dispose());
        var again = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 8).Select(_ => pool.Rent()).ToList();

        again.Count(b => lent.Any(m => m.Equals(b.Memory))).Should().Be(LargeBlockMemoryPool.MaxRetainedBlocks);
        again.ForEach(b => b.Dispose());
    }
}
