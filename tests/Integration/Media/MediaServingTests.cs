using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// Contract section 4, <c>GET /media/{videoResponseId}?exp=…&amp;sig=…</c>: whole files and ranges at a signed URL,
/// and problems for every other URL that never tell whether the video exists. SQLite only: no database behaviour here.
/// </summary>
public sealed class MediaServingTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private const int VideoBytes = 4 * 1024 * 1024;

    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());
    private readonly HttpClient _anonymous = fixture.Client();

    public static TheoryData<string, byte[], string> Containers() => TestVideos.Containers();

    [Fact]
    public async Task Get_AtTheSignedUrl_ServesTheWholeFile()
    {
        var (video, url) = await UploadAsync(seed: 10);

        var response = await _anonymous.GetAsync(MediaRequests.Relative(url));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        response.Content.Headers.ContentLength.Should().Be(video.Length);
        response.Headers.AcceptRanges.Should().Contain("bytes");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video);
    }

    [Fact]
    public async Task Get_WithARange_Returns206WithExactlyThoseBytes()
    {
        var (video, url) = await UploadAsync(seed: 11);
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaRequests.Relative(url));
        request.Headers.Range = new RangeHeaderValue(0, 99);

        var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 0-99/{video.Length}");
        response.Content.Headers.ContentLength.Should().Be(100);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video[..100]);
    }

    [Fact]
    public async Task Get_WithARangeInTheMiddle_Returns206WithExactlyThoseBytes()
    {
        var (video, url) = await UploadAsync(seed: 12);
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaRequests.Relative(url));
        request.Headers.Range = new RangeHeaderValue(1_000_000, 2_000_000);

        var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 1000000-2000000/{video.Length}");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video[1_000_000..2_000_001]);
    }

    [Fact]
    public async Task Get_WithASuffixRange_Returns206WithTheLastBytes()
    {
        var (video, url) = await UploadAsync(seed: 13);
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaRequests.Relative(url));
        request.Headers.Range = new RangeHeaderValue(null, 100);

        var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes {video.Length - 100}-{video.Length - 1}/{video.Length}");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video[^100..]);
    }

    [Fact]
    public async Task Get_WithARangeBeyondTheEnd_Returns416()
    {
        var (video, url) = await UploadAsync(seed: 14);
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaRequests.Relative(url));
        request.Headers.Range = new RangeHeaderValue(video.Length, null);

        var response = await _anonymous.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        problem.GetProperty("code").GetString().Should().Be("media.range_not_satisfiable");
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes */{video.Length}");
    }

    [Fact]
    public async Task Head_AtTheSignedUrl_AnswersTheLengthWithoutTheBody()
    {
        var (video, url) = await UploadAsync(seed: 15);

        var response = await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, MediaRequests.Relative(url)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(video.Length);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public async Task Get_AnUploadedContainer_IsServedWithItsOwnContentType(string what, byte[] head, string contentType)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var video = TestVideos.WithHead(head, 4096, seed: 16);

        // Whatever video/* type the client claimed, the type served is the one of the bytes.
        var response = await MediaRequests.UploadAsync(_recruiter, applicationId, MediaRequests.Form(questions[0], MediaRequests.VideoPart(video, "video/mp4")));
        var created = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var served = await _anonymous.GetAsync(MediaRequests.Relative(created.GetProperty("url").GetString()!));

        served.StatusCode.Should().Be(HttpStatusCode.OK, what);
        served.Content.Headers.ContentType!.MediaType.Should().Be(contentType, what);
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(video);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?exp=4102444800")]
    [InlineData("?sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Get_Unsigned_Returns401(string query)
    {
        var (_, url) = await UploadAsync(seed: 17);
        var path = new Uri(url).AbsolutePath;

        var problem = await (await _anonymous.GetAsync(path + query)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        problem.GetProperty("code").GetString().Should().Be("media.unsigned");
    }

    [Fact]
    public async Task Get_Expired_Returns403()
    {
        var (_, url) = await UploadAsync(seed: 18);
        var videoResponseId = new Uri(url).AbsolutePath.Split('/')[^1];

        var response = await _anonymous.GetAsync(MediaRequests.SignedPath(videoResponseId, DateTimeOffset.UtcNow.AddSeconds(-5)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().Should().Be("media.url_expired");
    }

    [Fact]
    public async Task Get_SignedWithTheTestKey_IsServed()
    {
        var (video, url) = await UploadAsync(seed: 19);
        var videoResponseId = new Uri(url).AbsolutePath.Split('/')[^1];

        var response = await _anonymous.GetAsync(MediaRequests.SignedPath(videoResponseId, DateTimeOffset.UtcNow.AddMinutes(5)));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the signature format is the documented one");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video);
    }

    [Theory]
    [InlineData("sig")]
    [InlineData("exp")]
    [InlineData("id")]
    [InlineData("sig-not-base64")]
    [InlineData("sig-twice")]
    public async Task Get_Tampered_Returns403(string tampered)
    {
        var (_, url) = await UploadAsync(seed: 20);

        var response = await _anonymous.GetAsync(Tamper(url, tampered));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().Should().Be("media.bad_signature");
    }

    [Fact]
    public async Task Get_AValidSignatureForAnUnknownVideo_Returns404()
    {
        var response = await _anonymous.GetAsync(MediaRequests.SignedPath("0000000000000000000000000000dead", DateTimeOffset.UtcNow.AddMinutes(5)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("media.not_found");
    }

    [Fact]
    public async Task Get_BadSignatures_AnswerTheSameForKnownAndUnknownVideos()
    {
        var (_, url) = await UploadAsync(seed: 21);
        var known = new Uri(url).AbsolutePath;
        const string unknown = "/media/0000000000000000000000000000dead";
        var expired = DateTimeOffset.UtcNow.AddMinutes(-1);
        var knownId = known.Split('/')[^1];

        foreach (var (knownUrl, unknownUrl) in new[]
        {
            (known, unknown),
            (known + "?exp=4102444800&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", unknown + "?exp=4102444800&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            (MediaRequests.SignedPath(knownId, expired), MediaRequests.SignedPath("0000000000000000000000000000dead", expired)),
        })
        {
            var forKnown = await _anonymous.GetAsync(knownUrl);
            var forUnknown = await _anonymous.GetAsync(unknownUrl);

            forUnknown.StatusCode.Should().Be(forKnown.StatusCode);
            Comparable(await forUnknown.Content.ReadAsStringAsync()).Should().Be(Comparable(await forKnown.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task Media_IsNotUnderTheApiAuthentication()
    {
        var (_, url) = await UploadAsync(seed: 22);
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaRequests.Relative(url));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Forged());

        (await _anonymous.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK, "the signature is the authentication");
    }

    [Fact]
    public async Task Upload_SignedUrl_ExpiresAfterTheConfiguredLifetime()
    {
        var before = DateTimeOffset.UtcNow;
        var (_, url) = await UploadAsync(seed: 23);

        var exp = long.Parse(HttpUtility.ParseQueryString(new Uri(url).Query)["exp"]!, System.Globalization.CultureInfo.InvariantCulture);

        DateTimeOffset.FromUnixTimeSeconds(exp).Should().BeCloseTo(before.AddHours(24), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task AnalysisUrl_ForAnUpload_IsAFreshSignedUrlUnderThePublicBaseUrl_AndForAUrlVideoTheUrlItself()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter, questionCount: 2);
        var video = TestVideos.Mp4(64 * 1024, seed: 24);
        var upload = await MediaRequests.UploadedAsync(_recruiter, applicationId, questions[0], video);
        await (await ApiRequests.AddVideoAsync(_recruiter, applicationId, questions[1])).ShouldHaveStatusAsync(HttpStatusCode.Created);

        using var scope = fixture.Factory.Services.CreateScope();
        var application = await scope.ServiceProvider.GetRequiredService<IJobApplicationQueries>().FindAsync(applicationId, AccessScope.Everything, CancellationToken.None);
        var urls = scope.ServiceProvider.GetRequiredService<IMediaUrls>();
        var stored = application!.VideoResponses.Single(v => v.QuestionId == questions[0]);
        var external = application.VideoResponses.Single(v => v.QuestionId == questions[1]);

        var forAnalysis = urls.UrlForAnalysis(stored);

        forAnalysis.Should().StartWith($"http://127.0.0.1:9/media/{upload.Id("videoResponseId")}?exp=");
        urls.UrlForAnalysis(external).Should().Be($"https://videos.example.com/{questions[1]}.mp4");
        (await (await _anonymous.GetAsync(MediaRequests.Relative(forAnalysis))).Content.ReadAsByteArrayAsync()).Should().Equal(video);
    }

    private async Task<(byte[] Video, string Url)> UploadAsync(int seed)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var video = TestVideos.Mp4(VideoBytes, seed);
        var created = await MediaRequests.UploadedAsync(_recruiter, applicationId, questions[0], video);
        return (video, created.GetProperty("url").GetString()!);
    }

    private static string Tamper(string url, string what)
    {
        var uri = new Uri(url);
        var query = HttpUtility.ParseQueryString(uri.Query);
        var (path, exp, sig) = (uri.AbsolutePath, query["exp"]!, query["sig"]!);
        return what switch
        {
            "sig" => $"{path}?exp={exp}&sig={(sig[0] == 'A' ? 'B' : 'A')}{sig[1..]}",
            "exp" => $"{path}?exp={long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 3600}&sig={sig}",
            "id" => $"{path[..^1]}{(path[^1] == '0' ? '1' : '0')}?exp={exp}&sig={sig}",
            "sig-not-base64" => $"{path}?exp={exp}&sig=%21{sig[1..]}",
            "sig-twice" => $"{path}?exp={exp}&sig={sig}&sig={sig}",
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
    }

    /// <summary>A problem without the members that differ between any two requests (the path, the request and trace ids).</summary>
    private static string Comparable(string problem)
    {
        var members = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(problem)!;
        members.Remove("instance");
        members.Remove("requestId");
        members.Remove("traceId");
        return JsonSerializer.Serialize(members.OrderBy(m => m.Key).ToDictionary());
    }
}
