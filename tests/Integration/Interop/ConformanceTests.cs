using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;
using AppBackend.IntegrationTests.Pipeline;

namespace AppBackend.IntegrationTests.Interop;

/// <summary>
/// Issue 12, item 11: AppBackend against libraries and programs no one here wrote. The official Standard Webhooks
/// library signs a delivery that is applied; jose verifies the JWT the AI backend receives; ffprobe and ffmpeg read
/// an uploaded MP4 through the URL sent to the AI backend, and seek in it (HTTP ranges).
/// </summary>
public sealed partial class ConformanceTests(PeerPipelineFixture fixture) : IClassFixture<PeerPipelineFixture>
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Fact]
    public async Task StandardWebhooksLibrary_SignedDelivery_IsApplied()
    {
        var (applicationId, dispatch) = await DispatchedAsync(uploadVideo: false);
        var video = dispatch.Json().GetProperty("videoResponses")[0].GetProperty("videoResponseId").GetString()!;
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { jobId = $"job-{video}", videoResponseId = video, status = "done", overallScore = 83, aiAnalysisId = "ai-sw-1" }));

        var signed = await ExternalTool.NodeAsync("sign-webhook.mjs", ExternalTool.Utf8(body), PeerPipelineFixture.StandardWebhooksSecret, $"msg_{video}");
        signed.ExitCode.Should().Be(0, signed.ToString());
        using var headers = JsonDocument.Parse(signed.Stdout);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/analysis-ready") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var header in headers.RootElement.EnumerateObject())
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        var response = await fixture.Client().SendAsync(request);

        (await response.ShouldHaveStatusAsync(HttpStatusCode.OK)).GetProperty("result").GetString().Should().Be("applied");
        var application = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        application.Status().Should().Be("completed");
        application.GetProperty("latestAiAnalysisId").GetString().Should().Be("ai-sw-1");
    }

    [Fact]
    public async Task Jose_VerifiesTheJwtTheAiBackendReceives()
    {
        var (_, dispatch) = await DispatchedAsync(uploadVideo: false);
        var authorization = dispatch.Header("Authorization");
        authorization.Should().StartWith("Bearer ");

        var verified = await ExternalTool.NodeAsync("verify-jwt.mjs", authorization!["Bearer ".Length..], TestSecrets.AiBackendSecret);

        verified.ExitCode.Should().Be(0, verified.ToString());
        using var result = JsonDocument.Parse(verified.Stdout);
        result.RootElement.GetProperty("protectedHeader").GetProperty("alg").GetString().Should().Be("HS256");
        var payload = result.RootElement.GetProperty("payload");
        payload.GetProperty("iss").GetString().Should().Be("app-backend");
        payload.GetProperty("jti").GetString().Should().NotBeNullOrEmpty();
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().BeInRange(1, 15 * 60);
    }

    [Fact]
    public async Task Jose_RefusesATokenUnderAnotherSecret()
    {
        var (_, dispatch) = await DispatchedAsync(uploadVideo: false);

        var verified = await ExternalTool.NodeAsync("verify-jwt.mjs", dispatch.Header("Authorization")!["Bearer ".Length..], "a-different-secret-0123456789-abcdefghijk");

        verified.ExitCode.Should().Be(1, "the check must be able to fail: {0}", verified);
    }

    [Fact]
    public async Task FfprobeAndFfmpeg_ReadAndSeekTheUploadedMp4ThroughTheDispatchedUrl()
    {
        var (_, dispatch) = await DispatchedAsync(uploadVideo: true);
        var url = dispatch.Json().GetProperty("videoResponses")[0].GetProperty("url").GetString()!;
        url.Should().Contain("/media/").And.Contain("sig=");

        var probe = await ExternalTool.RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration:stream=codec_name,width,height", "-of", "json", url]);
        probe.ExitCode.Should().Be(0, probe.ToString());
        using (var document = JsonDocument.Parse(probe.Stdout))
        {
            var duration = double.Parse(document.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            duration.Should().BeApproximately(4, 0.2);
            var stream = document.RootElement.GetProperty("streams")[0];
            stream.GetProperty("codec_name").GetString().Should().Be("h264");
            stream.GetProperty("width").GetInt32().Should().Be(320);
        }

        var frame = Path.Combine(Path.GetTempPath(), $"appbackend-frame-{Guid.NewGuid():N}.png");
        try
        {
            // -ss before -i seeks in the input: with the index at the end of the file, ffmpeg asks for byte ranges.
            var seek = await ExternalTool.RunAsync("ffmpeg", ["-v", "debug", "-ss", "3", "-i", url, "-frames:v", "1", "-y", frame]);
            seek.ExitCode.Should().Be(0, seek.ToString());
            new FileInfo(frame).Length.Should().BePositive();
            RangeRequest().Matches(seek.Stderr).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Should().Contain(offset => offset > 0, "ffmpeg seeks with a byte range: {0}", seek.Stderr);
        }
        finally
        {
            File.Delete(frame);
        }
    }

    /// <summary>An application of one question, submitted, and the dispatch the AI backend received for it.</summary>
    private async Task<(string ApplicationId, PeerRequest Dispatch)> DispatchedAsync(bool uploadVideo)
    {
        string applicationId;
        if (uploadVideo)
        {
            var (draft, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
            await MediaRequests.UploadedAsync(_recruiter, draft, questions[0], await Mp4Async());
            (await _recruiter.PostAsync($"/api/applications/{draft}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            applicationId = draft;
        }
        else
        {
            (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        }

        var dispatch = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Peer.Requests.FirstOrDefault(r => r.Path == "/v1/analysis/video" && r.Json().GetProperty("application").GetProperty("id").GetString() == applicationId)),
            r => r is not null,
            "the dispatch at the AI backend");
        await PipelineSteps.WaitForStatusAsync(_recruiter, applicationId, "awaiting_ai_analysis");
        return (applicationId, dispatch!);
    }

    /// <summary>A real 4 s H.264 MP4 made by ffmpeg, its index (moov) at the end, as cameras write them.</summary>
    private static async Task<byte[]> Mp4Async()
    {
        var path = Path.Combine(Path.GetTempPath(), $"appbackend-interop-{Guid.NewGuid():N}.mp4");
        try
        {
            var made = await ExternalTool.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=duration=4:size=320x240:rate=25", "-c:v", "libx264", "-b:v", "1M", "-pix_fmt", "yuv420p", "-y", path]);
            made.ExitCode.Should().Be(0, made.ToString());
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"Range: bytes=(\d+)-")]
    private static partial Regex RangeRequest();
}
