using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Web;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.IntegrationTests.Fixtures;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// Contract section 1, video URLs in every view: the URL of an uploaded video in <c>GET</c>, lists and the event
/// stream is a signed media URL that a real player (ffprobe, seeking with range requests) plays at once, and that
/// stops working once it expires or is altered. SQLite only: no database behaviour here.
/// </summary>
public sealed class PlayableVideoUrlTests(PlaybackFixture fixture) : IClassFixture<PlaybackFixture>
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Fact]
    public async Task GetApplication_AnUploadedVideosUrl_PlaysInFfprobeWithRangeRequests()
    {
        var (applicationId, videoResponseId) = await UploadAsync();

        var url = await ViewUrlAsync(applicationId);
        var probe = await Ffmpeg.ProbeAsync(url);

        url.Should().StartWith($"{fixture.PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/media/{videoResponseId}?exp=").And.Contain("&sig=");
        probe.ExitCode.Should().Be(0, "ffprobe should play the URL straight from the view: {0}", probe.Stderr);
        probe.Stdout.Should().Contain("codec_name=h264").And.Contain("width=640").And.Contain("height=480");
        double.Parse(Line(probe.Stdout, "duration"), CultureInfo.InvariantCulture).Should().BeApproximately(2.0, 0.1);
        var served = fixture.MediaRequests.Requests.Where(r => r.Path == $"/media/{videoResponseId}").ToList();
        served.Should().Contain(
            r => r.Status == StatusCodes.Status206PartialContent && r.Range != null && !r.Range.StartsWith("bytes=0-", StringComparison.Ordinal),
            "the MP4's index is at its end, so the player must seek into the file with a range request");
        served.Should().OnlyContain(r => r.Status == StatusCodes.Status200OK || r.Status == StatusCodes.Status206PartialContent);
    }

    [Fact]
    public async Task ListApplications_AndTheEventStream_CarryTheSamePlayableUrl()
    {
        var (applicationId, videoResponseId) = await UploadAsync();

        var list = await (await _recruiter.GetAsync($"/api/applications?limit=100")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var listed = list.GetProperty("items").EnumerateArray().Single(a => a.Id() == applicationId);
        var listUrl = listed.GetProperty("videoResponses")[0].GetProperty("url").GetString()!;
        using var response = await ServerSentEventReader.SendAsync(_recruiter, $"/api/applications/{applicationId}/events");
        using var stream = await ServerSentEventReader.ReadFromAsync(response);
        var first = await stream.ReadAsync();
        var streamUrl = JsonDocument.Parse(first!.Data!).RootElement.GetProperty("videoResponses")[0].GetProperty("url").GetString()!;

        foreach (var url in new[] { listUrl, streamUrl })
        {
            url.Should().StartWith($"{fixture.PublicBaseUrl.AbsoluteUri.TrimEnd('/')}/media/{videoResponseId}?exp=");
            var probe = await Ffmpeg.ProbeAsync(url);
            probe.ExitCode.Should().Be(0, "{0} should play: {1}", url, probe.Stderr);
        }
    }

    [Fact]
    public async Task ViewUrl_ValidForTheConfiguredLifetime_FailsOnceItHasExpired()
    {
        var (applicationId, _) = await UploadAsync();
        var url = await ViewUrlAsync(applicationId);
        var exp = long.Parse(HttpUtility.ParseQueryString(new Uri(url).Query)["exp"]!, CultureInfo.InvariantCulture);
        DateTimeOffset.FromUnixTimeSeconds(exp).Should().BeCloseTo(fixture.Clock.GetUtcNow() + PlaybackFixture.UrlLifetime, TimeSpan.FromSeconds(2));

        fixture.Clock.Advance(PlaybackFixture.UrlLifetime + TimeSpan.FromSeconds(1));
        var probe = await Ffmpeg.ProbeAsync(url);
        var fetched = await fixture.Client().GetAsync(MediaRequests.Relative(url));

        probe.ExitCode.Should().NotBe(0, "an expired URL must not play");
        var problem = await fetched.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().Should().Be("media.url_expired");
        var renewed = await ViewUrlAsync(applicationId);
        (await Ffmpeg.ProbeAsync(renewed)).ExitCode.Should().Be(0, "reading the view again gives a URL signed afresh");
    }

    [Theory]
    [InlineData("sig")]
    [InlineData("exp")]
    public async Task ViewUrl_Tampered_FailsToFetch(string part)
    {
        var (applicationId, _) = await UploadAsync();
        var url = await ViewUrlAsync(applicationId);
        var query = HttpUtility.ParseQueryString(new Uri(url).Query);
        var (exp, sig) = (query["exp"]!, query["sig"]!);
        var tampered = part == "sig"
            ? url.Replace($"sig={sig}", $"sig={(sig[0] == 'A' ? 'B' : 'A')}{sig[1..]}", StringComparison.Ordinal)
            : url.Replace($"exp={exp}", $"exp={long.Parse(exp, CultureInfo.InvariantCulture) + 86_400}", StringComparison.Ordinal);

        var probe = await Ffmpeg.ProbeAsync(tampered);
        var fetched = await fixture.Client().GetAsync(MediaRequests.Relative(tampered));

        probe.ExitCode.Should().NotBe(0, "an altered URL must not play");
        var problem = await fetched.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().Should().Be("media.bad_signature");
    }

    [Fact]
    public async Task StoredView_IsTheSameWhateverTheTime_SoARenewedSignatureIsNoChange()
    {
        const string candidate = "cand-stored-view";
        var owner = fixture.Client(TestTokens.Candidate(candidate));
        var (applicationId, videoResponseId) = await UploadAsync(owner);

        var before = await StoredViewAsync(applicationId, candidate);
        var presentedBefore = await ViewUrlAsync(applicationId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await StoredViewAsync(applicationId, candidate);
        var presentedAfter = await ViewUrlAsync(applicationId);

        presentedAfter.Should().NotBe(presentedBefore, "every read signs afresh");
        after.Version.Should().Be(before.Version, "reading or signing is no change of the application");
        JsonSerializer.Serialize(after.View).Should().Be(JsonSerializer.Serialize(before.View), "what the event stream compares holds no signature");
        after.View.VideoResponses[0].Url.Should().Be($"/media/{videoResponseId}");
    }

    private async Task<(string ApplicationId, string VideoResponseId)> UploadAsync(HttpClient? owner = null)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, owner ?? _recruiter);
        var created = await MediaRequests.UploadedAsync(owner ?? _recruiter, applicationId, questions[0], fixture.Video);
        return (applicationId, created.Id("videoResponseId"));
    }

    private async Task<string> ViewUrlAsync(string applicationId)
    {
        var application = await (await _recruiter.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return application.GetProperty("videoResponses")[0].GetProperty("url").GetString()!;
    }

    /// <summary>
    /// The snapshot the event stream reads and compares, asked of the Application layer as the stream asks it, by the
    /// candidate who owns the application.
    /// </summary>
    private async Task<ApplicationSnapshot> StoredViewAsync(string applicationId, string candidate)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", candidate), new Claim("role", "candidate")], "test", "sub", "role")),
        };
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetApplicationSnapshotQuery(applicationId));
        result.IsSuccess.Should().BeTrue();
        return result.Value;
    }

    private static string Line(string output, string key) =>
        output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
}
