using System.Net;
using System.Net.Http.Headers;
using System.Web;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// Issue 12, item 8: the query string of a <c>/media</c> URL (a signed credential) never reaches a log line: not with
/// every category at Trace, not when the process runs from a directory without appsettings.json. The flow covers an
/// uploaded video fetched by the test and by the AI backend simulator through the URL of the dispatch.
/// </summary>
public sealed class SignedUrlLoggingTests
{
    [Fact]
    public async Task Logs_OfAnUploadedVideoServedAndDispatched_NeverHoldItsSignature()
    {
        await using var pipeline = await ProcessPipeline.StartAsync(DatabaseKind.Sqlite, "signedurllogs");
        await pipeline.Simulator.SettingsAsync(new { autoComplete = true, completeAfterMs = 100 });
        var (process, client) = await pipeline.StartInstanceAsync(new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel"] = "Trace",
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Recruiter());

        var (applicationId, questions) = await MediaRequests.DraftAsync(client, client);
        var created = await MediaRequests.UploadedAsync(client, applicationId, questions[0], TestVideos.Mp4(32 * 1024));
        var url = new Uri(created.GetProperty("url").GetString()!);
        (await client.GetAsync(url.PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync($"/api/applications/{applicationId}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await PipelineSteps.WaitForStatusAsync(client, applicationId, "completed");
        var fetched = (await pipeline.Simulator.JobsAsync()).Should().ContainSingle().Subject;

        process.Terminate();
        (await process.WaitForExitAsync(TimeSpan.FromSeconds(15))).Should().BeTrue();
        var logs = process.AllOutput;
        logs.Should().Contain("\"LogLevel\":\"Trace\"", "every category logged at Trace: {0}", fetched);
        logs.Should().Contain("/media/", "the media requests were logged (their path)");
        var signature = HttpUtility.ParseQueryString(url.Query)["sig"]!;
        logs.Should().NotContain(signature).And.NotContain("sig=").And.NotContain("exp=");
    }
}
