using System.Globalization;
using System.Net.Http.Headers;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Transport;

/// <summary>
/// The published wiring: a real AppBackend process's Kestrel takes its buffers from the app's pools
/// (<c>AddWebApi</c> registers them after <c>WebApplication.CreateBuilder</c>'s own), which its metrics show.
/// </summary>
public sealed class TransportBufferProcessTests
{
    [Fact]
    public async Task AnUpload_ToARealProcess_IsReceivedIntoTheAppsPools()
    {
        await using var pipeline = await ProcessPipeline.StartAsync(DatabaseKind.Sqlite, "transportbuffers");
        var (_, client) = await pipeline.StartInstanceAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Recruiter());

        var (applicationId, questions) = await MediaRequests.DraftAsync(client, client);
        await MediaRequests.UploadedAsync(client, applicationId, questions[0], TestVideos.Mp4(1024 * 1024));
        var metrics = await client.GetStringAsync("/metrics");

        // 1 MiB of body alone needs 16 blocks of 64 KiB.
        Counter(metrics, "appbackend_transport_blocks_rented_total").Should().BeGreaterThanOrEqualTo(16);
        Counter(metrics, "appbackend_transport_blocks_allocated_total").Should().BePositive();
    }

    private static double Counter(string metrics, string name)
    {
        var line = metrics.Split('\n').Should()
            .ContainSingle(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal), name).Subject;
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
