using System.Net;
using System.Net.Http.Headers;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// Issue 12, item 7: <c>If-Range</c> as browsers send it when they resume a download. A matching date makes the
/// range apply (a range past the end is a 416 problem with <c>Content-Range</c>); anything else gets the whole video.
/// </summary>
public sealed class ConditionalRangeTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    private const int VideoBytes = 64 * 1024;

    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());
    private readonly HttpClient _anonymous = fixture.Client();

    [Fact]
    public async Task Get_WithARangeBeyondTheEndAndAMatchingIfRange_Returns416ProblemWithContentRange()
    {
        var (video, url, lastModified) = await UploadAsync(seed: 31);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(999_999, null);
        request.Headers.TryAddWithoutValidation("If-Range", lastModified);

        var response = await _anonymous.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        problem.GetProperty("code").GetString().Should().Be("media.range_not_satisfiable");
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes */{video.Length}");
    }

    [Fact]
    public async Task Get_WithARangeAndAMatchingIfRange_Returns206()
    {
        var (video, url, lastModified) = await UploadAsync(seed: 32);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        request.Headers.TryAddWithoutValidation("If-Range", lastModified);

        var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video[100..200]);
    }

    [Theory]
    [InlineData("\"nope\"")]
    [InlineData("W/\"weak\"")]
    [InlineData("Tue, 01 Dec 2020 09:00:00 GMT")]
    [InlineData("not a date")]
    public async Task Get_WithARangeAndAnIfRangeThatDoesNotMatch_Returns200WithTheWholeVideo(string ifRange)
    {
        var (video, url, _) = await UploadAsync(seed: 33);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        request.Headers.TryAddWithoutValidation("If-Range", ifRange);

        var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentRange.Should().BeNull();
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video);
    }

    [Fact]
    public async Task Get_WithARangeBeyondTheEndAndAStaleIfRange_Returns200WithTheWholeVideo()
    {
        var (video, url, _) = await UploadAsync(seed: 34);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(999_999, null);
        request.Headers.TryAddWithoutValidation("If-Range", "\"nope\"");

        var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(video);
    }

    private async Task<(byte[] Video, string Url, string LastModified)> UploadAsync(int seed)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var video = TestVideos.Mp4(VideoBytes, seed);
        var created = await MediaRequests.UploadedAsync(_recruiter, applicationId, questions[0], video);
        var url = MediaRequests.Relative(created.GetProperty("url").GetString()!);
        var head = await _anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        head.StatusCode.Should().Be(HttpStatusCode.OK);
        return (video, url, head.Content.Headers.GetValues("Last-Modified").Single());
    }
}
