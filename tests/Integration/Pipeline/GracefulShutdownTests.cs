using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// Issue 12, item 12, with real processes and a real SIGTERM: the instance stops claiming, cancels its dispatch in
/// flight and releases the lease at once, so another instance resumes it with the same Idempotency-Key long before
/// the lease (10 minutes here) could lapse; its open event streams end; it exits within 10 s.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly Dictionary<string, string?> LongLease = new() { ["Analysis__DispatchLease"] = "00:10:00" };

    [Fact]
    public async Task Sigterm_MidDispatch_ReleasesTheLeaseEndsStreamsAndExitsWithin10Seconds()
    {
        await using var pipeline = await ProcessPipeline.StartAsync(DatabaseKind.Sqlite, "gracefulshutdown");
        await pipeline.Simulator.SettingsAsync(new { autoComplete = true, completeAfterMs = 100 });
        await pipeline.Simulator.FaultAsync(200, count: 1, hang: true);
        var (first, firstClient) = await pipeline.StartInstanceAsync(LongLease);
        firstClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Recruiter());

        var (_, applicationId) = await PipelineSteps.SubmitAsync(firstClient, 1);
        var hung = await Eventually.GetAsync(() => PipelineSteps.RequestsForAsync(pipeline.Simulator, applicationId), r => r.Length == 1, "the dispatch hanging at the AI backend");
        var key = hung[0].GetProperty("idempotencyKey").GetString()!;

        // The second instance starts while the first holds the lease: it cannot take the dispatch yet.
        var (_, secondClient) = await pipeline.StartInstanceAsync(LongLease);
        secondClient.DefaultRequestHeaders.Authorization = firstClient.DefaultRequestHeaders.Authorization;
        (await PipelineSteps.RequestsForAsync(pipeline.Simulator, applicationId)).Should().ContainSingle();

        using var streamRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{applicationId}/events");
        var stream = await firstClient.SendAsync(streamRequest, HttpCompletionOption.ResponseHeadersRead);
        stream.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await stream.Content.ReadAsStreamAsync();
        var streamEnded = DrainAsync(body);

        var clock = Stopwatch.StartNew();
        first.Terminate();

        (await first.WaitForExitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("an instance exits within 10 s of SIGTERM:\n{0}", first.AllOutput);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        first.ExitCode.Should().Be(0, first.AllOutput);
        (await Task.WhenAny(streamEnded, Task.Delay(TimeSpan.FromSeconds(5)))).Should().BeSameAs(streamEnded, "the open event stream ends");
        first.AllOutput.Should().Contain("released the lease of dispatch");

        var resumed = await Eventually.GetAsync(
            () => PipelineSteps.RequestsForAsync(pipeline.Simulator, applicationId), r => r.Length == 2, "the dispatch resumed by the other instance", TimeSpan.FromSeconds(20));
        resumed[1].GetProperty("idempotencyKey").GetString().Should().Be(key);
        var done = await PipelineSteps.WaitForStatusAsync(secondClient, applicationId, "completed");
        done.GetProperty("failureReason").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    private static async Task DrainAsync(Stream body)
    {
        var buffer = new byte[4096];
        try
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Ended by the server going away: ended all the same.
        }
        catch (HttpRequestException)
        {
        }
    }
}
