using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Issue 12, items 2 and 5: input PostgreSQL cannot store (U+0000, a subject longer than its column) and aiMetadata
/// too deep or too large are refused as the caller's mistakes (400/401), never reported as a database outage (503)
/// and never stored to break other readers.
/// </summary>
public abstract class InputSafetyTests(ApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    public static TheoryData<string, string> InterviewsWithNul() => new()
    {
        { """{"title":"Back\u0000end","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "title" },
        { """{"title":"t","questions":[{"text":"q\u0000","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "questions[0].text" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"skill":"a\u0000"}}]}""", "questions[0].aiMetadata" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"sk\u0000ill":1}}]}""", "questions[0].aiMetadata" },
    };

    [Theory]
    [MemberData(nameof(InterviewsWithNul))]
    public async Task CreateInterview_WithU0000_Returns400NamingTheField(string body, string field)
    {
        var response = await _recruiter.PostAsync("/api/interviews", Json(body));

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task CreateApplication_WithU0000InTheName_Returns400NamingTheField()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        var body = JsonSerializer.Serialize(new { interviewId = interview.Id(), candidate = new { fullName = "Ayşe\0Yılmaz", email = "ayse@example.com" } });

        var response = await _recruiter.PostAsync("/api/applications", Json(body));

        await response.ShouldBeValidationProblemAsync("candidate.fullName");
    }

    // (A U+0000 in the path never reaches AppBackend: Kestrel refuses the request line.)
    [Fact]
    public async Task ListApplications_WithU0000InTheInterviewId_Returns400NamingIt()
    {
        var response = await _recruiter.GetAsync("/api/applications?interviewId=%00");

        await response.ShouldBeValidationProblemAsync("interviewId");
    }

    [Theory]
    [InlineData("/api/applications")]
    [InlineData("/api/interviews")]
    public async Task List_WithACursorThatDecodesToU0000_Returns400NamingTheCursor(string path)
    {
        var cursor = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("638000000000000000|ab\0c"));

        var response = await _recruiter.GetAsync($"{path}?cursor={cursor}");

        await response.ShouldBeValidationProblemAsync("cursor");
    }

    [Theory]
    [InlineData(257)]
    [InlineData(300)]
    public async Task AnyRequest_WithASubjectLongerThan256_Returns401(int length)
    {
        var candidate = fixture.Client(TestTokens.Candidate(new string('s', length)));
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);

        var response = await candidate.PostAsJsonAsync("/api/applications", ApiRequests.ApplicationBody(interview.Id()));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnyRequest_WithASubjectOf256_IsServed()
    {
        var candidate = fixture.Client(TestTokens.Candidate(new string('s', 256)));
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);

        var response = await candidate.PostAsJsonAsync("/api/applications", ApiRequests.ApplicationBody(interview.Id()));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnyRequest_WithU0000InTheSubject_Returns401()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cara\0"));

        var response = await candidate.GetAsync("/api/applications");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(60)]
    public async Task CreateInterview_WithAiMetadataDeeperThan10_Returns400AndStoresNothing(int depth)
    {
        var before = await CountInterviewsAsync();

        var response = await _recruiter.PostAsync("/api/interviews", Json(InterviewWithAiMetadata(Nested(depth))));

        await response.ShouldBeValidationProblemAsync("questions[0].aiMetadata");
        (await CountInterviewsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task CreateInterview_WithAiMetadata10Deep_IsCreatedAndListed()
    {
        var response = await _recruiter.PostAsync("/api/interviews", Json(InterviewWithAiMetadata(Nested(10))));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await _recruiter.GetAsync("/api/interviews")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(16 * 1024 + 1)]
    [InlineData(10 * 1024 * 1024)]
    public async Task CreateInterview_WithAiMetadataLargerThan16KiB_Returns400(int bytes)
    {
        var filler = new string('x', bytes - """{"a":""}""".Length);

        var response = await _recruiter.PostAsync("/api/interviews", Json(InterviewWithAiMetadata($$"""{"a":"{{filler}}"}""")));

        await response.ShouldBeValidationProblemAsync("questions[0].aiMetadata");
    }

    [Fact]
    public async Task CreateInterview_WithAiMetadataOf16KiB_IsCreated()
    {
        var filler = new string('x', (16 * 1024) - """{"a":""}""".Length);

        var response = await _recruiter.PostAsync("/api/interviews", Json(InterviewWithAiMetadata($$"""{"a":"{{filler}}"}""")));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    /// <summary><c>{"l":{"l":…{"l":1}…}}</c> with <paramref name="depth"/> objects.</summary>
    public static string Nested(int depth) => string.Concat(Enumerable.Repeat("""{"l":""", depth)) + "1" + new string('}', depth);

    private static string InterviewWithAiMetadata(string aiMetadata) =>
        $$"""{"title":"Deep","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{{aiMetadata}}}]}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<int> CountInterviewsAsync()
    {
        var page = await (await _recruiter.GetAsync("/api/interviews?limit=100")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return page.GetProperty("items").GetArrayLength();
    }
}

public sealed class SqliteInputSafetyTests(SqliteApiFixture fixture) : InputSafetyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresInputSafetyTests(PostgresApiFixture fixture) : InputSafetyTests(fixture), IClassFixture<PostgresApiFixture>;
