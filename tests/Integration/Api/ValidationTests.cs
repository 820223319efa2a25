using System.Net;
using System.Net.Http.Json;
using System.Text;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>Every input rule of contract section 1 answers a 400 problem naming the field, and stores nothing.</summary>
public abstract class ValidationTests(ApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    public static TheoryData<string, string> InvalidInterviews() => new()
    {
        { """{"questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "title" },
        { """{"title":"","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "title" },
        { $$$"""{"title":"{{{new string('t', 201)}}}","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "title" },
        { """{"title":"t"}""", "questions" },
        { """{"title":"t","questions":[]}""", "questions" },
        { $$"""{"title":"t","questions":[{{string.Join(",", Enumerable.Repeat("""{"text":"q","durationSeconds":10,"aiMetadata":{"a":1}}""", 51))}}]}""", "questions" },
        { """{"title":"t","questions":[{"text":"","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "questions[0].text" },
        { $$$"""{"title":"t","questions":[{"text":"{{{new string('q', 2001)}}}","durationSeconds":10,"aiMetadata":{"a":1}}]}""", "questions[0].text" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":0,"aiMetadata":{"a":1}}]}""", "questions[0].durationSeconds" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":3601,"aiMetadata":{"a":1}}]}""", "questions[0].durationSeconds" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10}]}""", "questions[0].aiMetadata" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{}}]}""", "questions[0].aiMetadata" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10,"aiMetadata":[1]}]}""", "questions[0].aiMetadata" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10,"aiMetadata":"skill"}]}""", "questions[0].aiMetadata" },
        { """{"title":"t","questions":[{"text":"q","durationSeconds":10,"aiMetadata":{"a":1}},{"text":"q","durationSeconds":10,"aiMetadata":null}]}""", "questions[1].aiMetadata" },
    };

    [Theory]
    [MemberData(nameof(InvalidInterviews))]
    public async Task CreateInterview_WithAnInvalidField_Returns400NamingIt(string body, string field)
    {
        var before = await CountInterviewsAsync();

        var response = await _recruiter.PostAsync("/api/interviews", Json(body));

        await response.ShouldBeValidationProblemAsync(field);
        (await CountInterviewsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData(1, 200, 1, 2000, 1)]
    [InlineData(50, 1, 50, 1, 3600)]
    public async Task CreateInterview_AtTheLimits_IsAccepted(int questions, int titleLength, int _, int textLength, int duration)
    {
        var body = new
        {
            title = new string('t', titleLength),
            questions = Enumerable.Range(0, questions)
                .Select(i => new { text = new string('q', textLength), durationSeconds = duration, aiMetadata = new { i } })
                .ToArray(),
        };

        var response = await _recruiter.PostAsJsonAsync("/api/interviews", body);

        var interview = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        interview.GetProperty("questions").GetArrayLength().Should().Be(questions);
    }

    [Fact]
    public async Task GetInterview_WhenUnknown_Returns404Problem()
    {
        var response = await _recruiter.GetAsync("/api/interviews/does-not-exist");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("interview.not_found");
    }

    [Theory]
    [InlineData("/api/interviews?limit=0", "limit")]
    [InlineData("/api/interviews?limit=101", "limit")]
    [InlineData("/api/interviews?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/applications?limit=0", "limit")]
    [InlineData("/api/applications?limit=101", "limit")]
    [InlineData("/api/applications?cursor=%25%25", "cursor")]
    [InlineData("/api/applications?status=finished", "status")]
    [InlineData("/api/applications?status=Queued", "status")]
    public async Task List_WithAnInvalidParameter_Returns400NamingIt(string url, string field)
    {
        var response = await _recruiter.GetAsync(url);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task List_WithANonNumericLimit_Returns400Problem()
    {
        var response = await _recruiter.GetAsync("/api/applications?limit=ten");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, string> InvalidApplications() => new()
    {
        { """{"candidate":{"fullName":"A","email":"a@example.com"}}""", "interviewId" },
        { """{"interviewId":"{id}"}""", "candidate" },
        { """{"interviewId":"{id}","candidate":{"fullName":"","email":"a@example.com"}}""", "candidate.fullName" },
        { $$$"""{"interviewId":"{id}","candidate":{"fullName":"{{{new string('n', 201)}}}","email":"a@example.com"}}""", "candidate.fullName" },
        { """{"interviewId":"{id}","candidate":{"fullName":"A"}}""", "candidate.email" },
        { """{"interviewId":"{id}","candidate":{"fullName":"A","email":"not-an-email"}}""", "candidate.email" },
        { """{"interviewId":"{id}","candidate":{"fullName":"A","email":"a@example.com","cvUrl":"files/cv.pdf"}}""", "candidate.cvUrl" },
        { """{"interviewId":"{id}","candidate":{"fullName":"A","email":"a@example.com","cvUrl":"http://files.example.com/cv.pdf"}}""", "candidate.cvUrl" },
        { """{"interviewId":"{id}","candidate":{"fullName":"A","email":"a@example.com","cvUrl":"ftp://files.example.com/cv.pdf"}}""", "candidate.cvUrl" },
    };

    [Theory]
    [MemberData(nameof(InvalidApplications))]
    public async Task CreateApplication_WithAnInvalidField_Returns400NamingIt(string body, string field)
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);

        var response = await _recruiter.PostAsync("/api/applications", Json(body.Replace("{id}", interview.Id(), StringComparison.Ordinal)));

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task CreateApplication_WithoutOptionalPhoneAndCv_IsCreated()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);

        var response = await _recruiter.PostAsJsonAsync("/api/applications", new { interviewId = interview.Id(), candidate = new { fullName = "A", email = "a@example.com" } });

        var application = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        application.GetProperty("candidate").GetProperty("phone").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task CreateApplication_ForAnUnknownInterview_Returns404()
    {
        var response = await _recruiter.PostAsJsonAsync("/api/applications", ApiRequests.ApplicationBody("no-such-interview"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().Should().Be("interview.not_found");
    }

    [Theory]
    [InlineData("""{"videoUrl":"https://videos.example.com/a.mp4"}""", "questionId")]
    [InlineData("""{"questionId":"{q}"}""", "videoUrl")]
    [InlineData("""{"questionId":"{q}","videoUrl":"videos/a.mp4"}""", "videoUrl")]
    [InlineData("""{"questionId":"{q}","videoUrl":"http://videos.example.com/a.mp4"}""", "videoUrl")]
    [InlineData("""{"questionId":"another-interviews-question","videoUrl":"https://videos.example.com/a.mp4"}""", "questionId")]
    public async Task AddVideo_WithAnInvalidField_Returns400NamingIt(string body, string field)
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        var application = await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id());
        var questionId = interview.GetProperty("questions")[0].Id();

        var response = await _recruiter.PostAsync(
            $"/api/applications/{application.Id()}/video-responses", Json(body.Replace("{q}", questionId, StringComparison.Ordinal)));

        await response.ShouldBeValidationProblemAsync(field);
        var fetched = await (await _recruiter.GetAsync($"/api/applications/{application.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        fetched.GetProperty("videoResponses").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("/api/interviews", "{\"title\": ")]
    [InlineData("/api/interviews", "[1,2]")]
    [InlineData("/api/interviews", "{\"title\":\"t\",\"questions\":[{\"text\":\"q\",\"durationSeconds\":\"long\",\"aiMetadata\":{\"a\":1}}]}")]
    [InlineData("/api/applications", "not json")]
    [InlineData("/api/applications", "")]
    public async Task Post_WithMalformedJson_Returns400Problem(string url, string body)
    {
        var response = await _recruiter.PostAsync(url, Json(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WithANonJsonContentType_Returns415Problem()
    {
        var response = await _recruiter.PostAsync("/api/interviews", new StringContent("title=t", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<int> CountInterviewsAsync()
    {
        var page = await (await _recruiter.GetAsync("/api/interviews?limit=100")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return page.GetProperty("items").GetArrayLength();
    }
}

public sealed class SqliteValidationTests(SqliteApiFixture fixture) : ValidationTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresValidationTests(PostgresApiFixture fixture) : ValidationTests(fixture), IClassFixture<PostgresApiFixture>;
