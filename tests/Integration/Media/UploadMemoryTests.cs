using System.Net;
using AppBackend.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace AppBackend.IntegrationTests.Media;

/// <summary>Runs alone: it measures the allocations of the whole process, which other tests running at the same time would blur.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    public const string Name = "allocation measurement";
}

/// <summary>
/// An upload streams to disk, never holding the whole file in memory. <see cref="GC.GetTotalAllocatedBytes"/>
/// counts every managed allocation of the process (client and server both run here, on every thread), so any
/// buffer proportional to the file (a <c>MemoryStream</c>, a <c>byte[]</c> of the file, a form buffered in memory)
/// would make a 20 MB upload allocate at least 18 MB more than a 2 MB one. Pooled buffers are reused, not allocated,
/// so a streamed upload allocates about the same for both sizes; what grows with the size is only per-read
/// bookkeeping. The client side streams too (<see cref="GeneratedVideoStream"/>), so it adds nothing per byte.
/// </summary>
[Collection(AllocationMeasurementCollection.Name)]
public sealed class UploadMemoryTests(SqliteApiFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteApiFixture>
{
    private const long Small = 2L * 1024 * 1024;
    private const long Large = 20L * 1024 * 1024;

    private readonly HttpClient _recruiter = fixture.StreamingClient(TestTokens.Recruiter());

    [Fact]
    public async Task Upload_OfALargeFile_AllocatesFarLessThanTheFileSize()
    {
        await UploadAsync(Small); // warm up: JIT, connection, caches

        var small = await AllocatedDuringUploadAsync(Small);
        var large = await AllocatedDuringUploadAsync(Large);

        var growth = large - small;
        output.WriteLine($"allocated: {small:N0} bytes for {Small:N0}, {large:N0} bytes for {Large:N0}; growth {growth:N0}");
        growth.Should().BeLessThan((Large - Small) / 8, $"a 2 MB upload allocated {small:N0} bytes and a 20 MB one {large:N0}");
    }

    private async Task<long> AllocatedDuringUploadAsync(long length)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await UploadAsync(length);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private async Task UploadAsync(long length)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var form = MediaRequests.Form(questions[0], MediaRequests.VideoPart(new GeneratedVideoStream(length)));

        var created = await (await MediaRequests.UploadAsync(_recruiter, applicationId, form)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        new FileInfo(Path.Combine(fixture.MediaRoot, created.Id("videoResponseId"))).Length.Should().Be(length);
    }
}
