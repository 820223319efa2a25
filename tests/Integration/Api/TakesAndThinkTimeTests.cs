using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Contract section 1: the optional <c>thinkingSeconds</c> and <c>maxTakes</c> of a question, kept and shown in every
/// interview view; <c>takes</c> counted per answer and shown in the video views; a take past <c>maxTakes</c> is a 409.
/// </summary>
public abstract class TakesAndThinkTimeTests(ApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Fact]
    public async Task CreateInterview_WithThinkTimeAndMaxTakes_ShowsThemInEveryInterviewView()
    {
        var created = await CreateInterviewAsync(
            new { text = "Tell us about a hard bug.", durationSeconds = 120, aiMetadata = new { skill = "debugging" }, thinkingSeconds = 30, maxTakes = 3 },
            new { text = "Why this team?", durationSeconds = 60, aiMetadata = new { skill = "motivation" }, thinkingSeconds = 0, maxTakes = (int?)null },
            new { text = "Anything else?", durationSeconds = 60, aiMetadata = new { skill = "open" } });
        var read = await (await _recruiter.GetAsync($"/api/interviews/{created.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var candidateRead = await (await fixture.Client(TestTokens.Candidate("cand-invited")).GetAsync($"/api/interviews/{created.Id()}"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var listed = await ListedAsync(created.Id());

        foreach (var view in new[] { created, read, candidateRead, listed })
        {
            Settings(view).Should().Equal((30, 3), (0, null), (null, null));
        }
    }

    public static TheoryData<string, object> OutOfRange() => new()
    {
        { "thinkingSeconds", new { thinkingSeconds = -1 } },
        { "thinkingSeconds", new { thinkingSeconds = 601 } },
        { "maxTakes", new { maxTakes = 0 } },
        { "maxTakes", new { maxTakes = 11 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task CreateInterview_WithAnOutOfRangeSetting_Returns400NamingIt(string field, object setting)
    {
        var question = JsonSerializer.SerializeToNode(new { text = "Q", durationSeconds = 60, aiMetadata = new { skill = "x" } })!.AsObject();
        foreach (var (key, value) in JsonSerializer.SerializeToNode(setting)!.AsObject())
        {
            question[key] = value?.DeepClone();
        }

        var response = await _recruiter.PostAsJsonAsync("/api/interviews", new { title = "Backend Engineer", questions = new[] { question } });

        await response.ShouldBeValidationProblemAsync($"questions[0].{field}");
    }

    [Theory]
    [InlineData(600, 10)]
    [InlineData(0, 1)]
    public async Task CreateInterview_AtTheBounds_IsAccepted(int thinkingSeconds, int maxTakes)
    {
        var created = await CreateInterviewAsync(new { text = "Q", durationSeconds = 60, aiMetadata = new { skill = "x" }, thinkingSeconds, maxTakes });

        Settings(created).Should().Equal((thinkingSeconds, maxTakes));
    }

    [Fact]
    public async Task AddVideo_UpToMaxTakes_CountsEachTake_AndOneMoreIs409TakesExhausted()
    {
        var (interviewId, questionId) = await OneQuestionAsync(maxTakes: 2);
        var application = await ApiRequests.CreateApplicationAsync(_recruiter, interviewId);

        var first = await (await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionId, "https://videos.example.com/1.mp4")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var second = await (await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionId, "https://videos.example.com/2.mp4")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var third = await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionId, "https://videos.example.com/3.mp4");

        first.GetProperty("takes").GetInt32().Should().Be(1);
        second.GetProperty("takes").GetInt32().Should().Be(2);
        var problem = await third.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("application.takes_exhausted");
        problem.GetProperty("type").GetString().Should().Be("urn:appbackend:problem:application.takes_exhausted");
        problem.GetProperty("questionId").GetString().Should().Be(questionId);
        problem.GetProperty("maxTakes").GetInt32().Should().Be(2);
        var video = (await ViewAsync(application.Id())).GetProperty("videoResponses").EnumerateArray().Should().ContainSingle().Subject;
        video.Id("videoResponseId").Should().Be(second.Id("videoResponseId"), "the refused take replaced nothing");
        video.GetProperty("url").GetString().Should().Be("https://videos.example.com/2.mp4");
        video.GetProperty("takes").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Upload_PastMaxTakes_Is409AndKeepsTheEarlierFile()
    {
        var (interviewId, questionId) = await OneQuestionAsync(maxTakes: 1);
        var application = await ApiRequests.CreateApplicationAsync(_recruiter, interviewId);
        var first = await MediaRequests.UploadedAsync(_recruiter, application.Id(), questionId, TestVideos.Mp4(64 * 1024, seed: 30));
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);

        var second = await MediaRequests.UploadAsync(_recruiter, application.Id(), questionId, TestVideos.Mp4(64 * 1024, seed: 31));

        first.GetProperty("takes").GetInt32().Should().Be(1);
        (await second.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().Should().Be("application.takes_exhausted");
        MediaRequests.FilesIn(fixture.MediaRoot).Should().Equal(filesBefore, "the refused upload is not kept, the earlier one stays");
        File.Exists(Path.Combine(fixture.MediaRoot, first.Id("videoResponseId"))).Should().BeTrue();
    }

    [Fact]
    public async Task AddVideo_WithoutMaxTakes_IsNeverRefusedAndKeepsCounting()
    {
        var (interviewId, questionId) = await OneQuestionAsync(maxTakes: null);
        var application = await ApiRequests.CreateApplicationAsync(_recruiter, interviewId);

        for (var i = 1; i <= 12; i++)
        {
            var added = await (await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionId)).ShouldHaveStatusAsync(HttpStatusCode.Created);
            added.GetProperty("takes").GetInt32().Should().Be(i);
        }

        var listed = await (await _recruiter.GetAsync($"/api/applications?interviewId={interviewId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        listed.GetProperty("items")[0].GetProperty("videoResponses")[0].GetProperty("takes").GetInt32().Should().Be(12);
    }

    private async Task<JsonElement> CreateInterviewAsync(params object[] questions)
    {
        var response = await _recruiter.PostAsJsonAsync("/api/interviews", new { title = "Backend Engineer", questions });
        return await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    private async Task<(string InterviewId, string QuestionId)> OneQuestionAsync(int? maxTakes)
    {
        var interview = await CreateInterviewAsync(new { text = "Q", durationSeconds = 60, aiMetadata = new { skill = "x" }, maxTakes });
        return (interview.Id(), interview.GetProperty("questions")[0].Id());
    }

    private async Task<JsonElement> ViewAsync(string applicationId) =>
        await (await _recruiter.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

    /// <summary>The interview as the list shows it, paging until it is found.</summary>
    private async Task<JsonElement> ListedAsync(string interviewId)
    {
        string? cursor = null;
        do
        {
            var page = await (await _recruiter.GetAsync($"/api/interviews?limit=100{(cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}")}"))
                .ShouldHaveStatusAsync(HttpStatusCode.OK);
            var found = page.GetProperty("items").EnumerateArray().Where(i => i.Id() == interviewId).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        throw new InvalidOperationException($"Interview {interviewId} is not in the list.");
    }

    /// <summary>Each question's (thinkingSeconds, maxTakes), both present in the view and null when unlimited.</summary>
    private static List<(int?, int?)> Settings(JsonElement interview) =>
        [.. interview.GetProperty("questions").EnumerateArray().Select(q => (Optional(q, "thinkingSeconds"), Optional(q, "maxTakes")))];

    private static int? Optional(JsonElement question, string name)
    {
        question.TryGetProperty(name, out var value).Should().BeTrue("every interview view carries '{0}', null when unlimited", name);
        return value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();
    }
}

public sealed class SqliteTakesAndThinkTimeTests(SqliteApiFixture fixture) : TakesAndThinkTimeTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresTakesAndThinkTimeTests(PostgresApiFixture fixture) : TakesAndThinkTimeTests(fixture), IClassFixture<PostgresApiFixture>;
