using System.Net;
using System.Net.Http.Json;
using System.Text;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// Contract section 1, the multipart form of <c>POST /api/applications/{id}/video-responses</c>: the same rules as
/// the JSON form, video bytes only, and the stored files following the answers.
/// </summary>
public abstract class UploadTests(ApiFixture fixture)
{
    private const int VideoBytes = 3 * 1024 * 1024;

    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    public static TheoryData<string, byte[]> NotVideos() => TestVideos.NotVideos();

    [Fact]
    public async Task Upload_AVideo_Returns201WithASignedUrlAndKeepsTheFile()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-upload"));
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, candidate);
        var video = TestVideos.Mp4(VideoBytes);

        var created = await MediaRequests.UploadedAsync(candidate, applicationId, questions[0], video);

        var videoResponseId = created.Id("videoResponseId");
        created.GetProperty("questionId").GetString().Should().Be(questions[0]);
        created.GetProperty("status").GetString().Should().Be("uploaded");
        created.GetProperty("url").GetString().Should().MatchRegex($"^http://127\\.0\\.0\\.1:9/media/{videoResponseId}\\?exp=[0-9]+&sig=[A-Za-z0-9_-]{{43}}$");
        (await File.ReadAllBytesAsync(Path.Combine(fixture.MediaRoot, videoResponseId))).Should().Equal(video);
        MediaRequests.FilesIn(fixture.MediaRoot).Should().NotContain(f => f.EndsWith(".partial", StringComparison.Ordinal));

        var application = await (await candidate.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stored = application.GetProperty("videoResponses").EnumerateArray().Should().ContainSingle().Subject;
        stored.Id("videoResponseId").Should().Be(videoResponseId);
        stored.GetProperty("url").GetString().Should().MatchRegex(
            $"^http://127\\.0\\.0\\.1:9/media/{videoResponseId}\\?exp=[0-9]+&sig=[A-Za-z0-9_-]{{43}}$", "every view gives an upload's URL signed, ready to play");
        stored.GetProperty("status").GetString().Should().Be("uploaded");
    }

    [Fact]
    public async Task Upload_WithTheQuestionIdAfterTheFile_IsAccepted()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var video = TestVideos.Mp4(256 * 1024, seed: 2);

        var response = await MediaRequests.UploadAsync(
            _recruiter, applicationId, MediaRequests.Form(questions[0], MediaRequests.VideoPart(video), fileFirst: true));

        var created = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.GetProperty("questionId").GetString().Should().Be(questions[0]);
        (await File.ReadAllBytesAsync(Path.Combine(fixture.MediaRoot, created.Id("videoResponseId")))).Should().Equal(video);
    }

    [Fact]
    public async Task Upload_ToAnotherCandidatesApplication_Returns404AndStoresNothing()
    {
        var owner = fixture.Client(TestTokens.Candidate("cand-upload-owner"));
        var intruder = fixture.Client(TestTokens.Candidate("cand-upload-intruder"));
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, owner);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var response = await MediaRequests.UploadAsync(intruder, applicationId, questions[0], TestVideos.Mp4(64 * 1024));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("application.not_found");
        await ShouldHaveNoVideosAsync(applicationId, filesBefore);
    }

    [Fact]
    public async Task Upload_WhenTheApplicationIsNotDraft_Returns409AndStoresNothing()
    {
        var owner = fixture.Client(TestTokens.Candidate("cand-upload-submitted"));
        var (interview, application) = await ApiRequests.ReadyDraftAsync(_recruiter, owner, 1);
        await (await owner.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var response = await MediaRequests.UploadAsync(owner, application.Id(), interview.GetProperty("questions")[0].Id(), TestVideos.Mp4(64 * 1024));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("application.not_editable");
        MediaRequests.FilesIn(fixture.MediaRoot).Should().Equal(filesBefore);
    }

    [Fact]
    public async Task Upload_ForAQuestionOfAnotherInterview_Returns400NamingQuestionId()
    {
        var (applicationId, _) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var (_, otherQuestions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var response = await MediaRequests.UploadAsync(_recruiter, applicationId, otherQuestions[0], TestVideos.Mp4(64 * 1024));

        await response.ShouldBeValidationProblemAsync("questionId");
        await ShouldHaveNoVideosAsync(applicationId, filesBefore);
    }

    [Fact]
    public async Task Upload_WithoutAQuestionId_Returns400NamingIt()
    {
        var (applicationId, _) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var response = await MediaRequests.UploadAsync(_recruiter, applicationId, MediaRequests.Form(null, MediaRequests.VideoPart(TestVideos.Mp4(64 * 1024))));

        await response.ShouldBeValidationProblemAsync("questionId");
        await ShouldHaveNoVideosAsync(applicationId, filesBefore);
    }

    [Fact]
    public async Task Upload_WithoutAFile_Returns400NamingIt()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);

        var response = await MediaRequests.UploadAsync(_recruiter, applicationId, MediaRequests.Form(questions[0], null));

        await response.ShouldBeValidationProblemAsync("file");
    }

    [Theory]
    [MemberData(nameof(NotVideos))]
    public async Task Upload_BytesThatAreNoVideo_Returns415AndStoresNothing(string what, byte[] head)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var response = await MediaRequests.UploadAsync(_recruiter, applicationId, questions[0], TestVideos.WithHead(head, 64 * 1024));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("code").GetString().Should().Be("media.not_a_video", what);
        await ShouldHaveNoVideosAsync(applicationId, filesBefore);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("image/png")]
    [InlineData("text/plain")]
    public async Task Upload_AVideoPartNotTypedVideo_Returns415AndStoresNothing(string contentType)
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var response = await MediaRequests.UploadAsync(
            _recruiter, applicationId, MediaRequests.Form(questions[0], MediaRequests.VideoPart(TestVideos.Mp4(64 * 1024), contentType)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("code").GetString().Should().Be("media.not_a_video");
        await ShouldHaveNoVideosAsync(applicationId, filesBefore);
    }

    [Fact]
    public async Task Upload_WithNeitherJsonNorAForm_Returns415Problem()
    {
        var (applicationId, _) = await MediaRequests.DraftAsync(_recruiter, _recruiter);

        var response = await _recruiter.PostAsync($"/api/applications/{applicationId}/video-responses", new StringContent("questionId=q", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    public static TheoryData<string, string> BrokenForms() => new()
    {
        { "multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"questionId\"\r\n\r\nq\r\n--b--\r\n" },
        { "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"questionId\"\r\n\r\nq" },
        { "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\nContent-Type: video/mp4\r\n\r\n\0\0\0\u0018ftypisom\0\0\0\0isom and no end" },
        { "multipart/form-data; boundary=b", $"--b\r\nX-Padding: {new string('x', 20_000)}\r\n\r\nq\r\n--b--\r\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task Upload_WithABrokenForm_Returns400ProblemAndStoresNothing(string contentType, string body)
    {
        var (applicationId, _) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);
        var content = new StringContent(body, Encoding.Latin1);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await _recruiter.PostAsync($"/api/applications/{applicationId}/video-responses", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await ShouldHaveNoVideosAsync(applicationId, filesBefore);
    }

    [Fact]
    public async Task Upload_ReplacingAnUpload_DeletesTheEarlierFile()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-replace"));
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, candidate);
        var first = await MediaRequests.UploadedAsync(candidate, applicationId, questions[0], TestVideos.Mp4(128 * 1024, seed: 3));
        var firstFile = Path.Combine(fixture.MediaRoot, first.Id("videoResponseId"));
        File.Exists(firstFile).Should().BeTrue();
        var replacement = TestVideos.Mp4(192 * 1024, seed: 4);

        var second = await MediaRequests.UploadedAsync(candidate, applicationId, questions[0], replacement);

        File.Exists(firstFile).Should().BeFalse("the replaced answer's file is removed");
        File.Exists(firstFile + ".type").Should().BeFalse();
        (await File.ReadAllBytesAsync(Path.Combine(fixture.MediaRoot, second.Id("videoResponseId")))).Should().Equal(replacement);
        var application = await (await candidate.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        application.GetProperty("videoResponses").EnumerateArray().Select(v => v.Id("videoResponseId"))
            .Should().Equal(second.Id("videoResponseId"));
        await (await fixture.Client().GetAsync(MediaRequests.Relative(first.GetProperty("url").GetString()!)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddVideo_ByUrlReplacingAnUpload_DeletesTheUploadedFile()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);
        var upload = await MediaRequests.UploadedAsync(_recruiter, applicationId, questions[0], TestVideos.Mp4(64 * 1024, seed: 5));
        var uploadedFile = Path.Combine(fixture.MediaRoot, upload.Id("videoResponseId"));

        var byUrl = await (await ApiRequests.AddVideoAsync(_recruiter, applicationId, questions[0])).ShouldHaveStatusAsync(HttpStatusCode.Created);

        byUrl.GetProperty("url").GetString().Should().Be($"https://videos.example.com/{questions[0]}.mp4");
        File.Exists(uploadedFile).Should().BeFalse();
    }

    [Fact]
    public async Task AddVideo_ByJson_StillAnswersAsBefore()
    {
        var (applicationId, questions) = await MediaRequests.DraftAsync(_recruiter, _recruiter);

        var response = await _recruiter.PostAsJsonAsync(
            $"/api/applications/{applicationId}/video-responses", new { questionId = questions[0], videoUrl = "https://videos.example.com/x.mp4" });

        var created = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.GetProperty("url").GetString().Should().Be("https://videos.example.com/x.mp4");
        created.GetProperty("status").GetString().Should().Be("uploaded");
    }

    private async Task ShouldHaveNoVideosAsync(string applicationId, string[] filesBefore)
    {
        MediaRequests.FilesIn(fixture.MediaRoot).Should().Equal(filesBefore, "nothing may be stored");
        var application = await (await _recruiter.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        application.GetProperty("videoResponses").GetArrayLength().Should().Be(0);
    }
}

public sealed class SqliteUploadTests(SqliteApiFixture fixture) : UploadTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresUploadTests(PostgresApiFixture fixture) : UploadTests(fixture), IClassFixture<PostgresApiFixture>;
