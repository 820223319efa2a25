using System.Net;
using AppBackend.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace AppBackend.IntegrationTests.Media;

/// <summary>AppBackend with <c>Media:MaxUploadBytes</c> at 256 KiB, to exercise the limit without sending 500 MB.</summary>
public sealed class SmallUploadLimitFixture() : ApiFixture(DatabaseKind.Sqlite)
{
    public const int MaxUploadBytes = 256 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Contract section 1: the size limit answers <c>413</c>, with or without a Content-Length, and stores nothing.</summary>
public sealed class UploadLimitTests(SmallUploadLimitFixture fixture, ITestOutputHelper output) : IClassFixture<SmallUploadLimitFixture>
{
    private const int Limit = SmallUploadLimitFixture.MaxUploadBytes;

    private readonly HttpClient _recruiter = fixture.StreamingClient(TestTokens.Recruiter());

    [Fact]
    public async Task Upload_ExactlyAtTheLimit_IsAccepted()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);

        var created = await MediaRequests.UploadedAsync(_recruiter, applicationId, questions[0], TestVideos.Mp4(Limit));

        new FileInfo(Path.Combine(fixture.MediaRoot, created.Id("videoResponseId"))).Length.Should().Be(Limit);
    }

    // Bodies up to the limit plus the form allowance (1 MiB) are read to their end after the refusal, so even
    // HttpClient, which reads the answer only after sending everything, sees the 413.
    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(Limit + (512 * 1024))]
    public async Task Upload_OverTheLimitWithAContentLength_Returns413AndStoresNothing(int length)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);
        var form = MediaRequests.Form(questions[0], MediaRequests.VideoPart(TestVideos.Mp4(length)));
        await form.LoadIntoBufferAsync();
        form.Headers.ContentLength.Should().NotBeNull();

        var response = await MediaRequests.UploadAsync(_recruiter, applicationId, form);

        await ShouldBeRefusedAsync(response, applicationId, filesBefore);
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(Limit + (512 * 1024))]
    public async Task Upload_OverTheLimitWithoutAContentLength_Returns413AndStoresNothing(int length)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{applicationId}/video-responses")
        {
            Content = MediaRequests.Form(questions[0], MediaRequests.VideoPart(new GeneratedVideoStream(length))),
        };

        var response = await _recruiter.SendAsync(request);

        request.Content.Headers.ContentLength.Should().BeNull("the body is sent chunked");
        await ShouldBeRefusedAsync(response, applicationId, filesBefore);
    }

    // Far over the limit, the server answers without reading the body whole (and then closes the connection),
    // which a client sees only if it reads while sending.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upload_FarOverTheLimit_IsRefusedBeforeTheBodyIsRead(bool withContentLength)
    {
        const long fileLength = 256L * 1024 * 1024;
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var answer = await RawHttpUpload.PostAsync(
            fixture.Factory.ClientOptions.BaseAddress, $"/api/applications/{applicationId}/video-responses", TestTokens.Recruiter(),
            questions[0], fileLength, withContentLength, timeout.Token);

        output.WriteLine($"{answer.BodyBytesSent:N0} of {fileLength:N0} file bytes sent before the answer");
        answer.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge, answer.Body);
        answer.Headers["Content-Type"].Should().StartWith("application/problem+json");
        answer.Body.Should().Contain("\"code\":\"media.too_large\"");
        answer.BodyBytesSent.Should().BeLessThan(fileLength, "the server stops reading");
        MediaRequests.FilesIn(fixture.MediaRoot).Should().Equal(filesBefore, "nothing may be stored, not even a temp file");
        var application = await (await _recruiter.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        application.GetProperty("videoResponses").GetArrayLength().Should().Be(0);
    }

    private async Task ShouldBeRefusedAsync(HttpResponseMessage response, string applicationId, string[] filesBefore)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("code").GetString().Should().Be("media.too_large");
        MediaRequests.FilesIn(fixture.MediaRoot).Should().Equal(filesBefore, "nothing may be stored, not even a temp file");
        var application = await (await _recruiter.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        application.GetProperty("videoResponses").GetArrayLength().Should().Be(0);
    }
}
