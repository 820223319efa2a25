using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>Contract-shaped requests and the checks every answer shares.</summary>
public static class ApiRequests
{
    public static object InterviewBody(int questionCount = 2, string title = "Backend Engineer") => new
    {
        title,
        questions = Enumerable.Range(1, questionCount).Select(i => new
        {
            text = $"Question {i}: tell us about a hard bug.",
            durationSeconds = 120,
            aiMetadata = new { skill = "problem_solving", language = "en", index = i },
        }).ToArray(),
    };

    public static object ApplicationBody(string interviewId, string fullName = "Ayşe Yılmaz") => new
    {
        interviewId,
        candidate = new
        {
            fullName,
            email = "ayse@example.com",
            phone = "+90 555 000 00 00",
            cvUrl = "https://files.example.com/cv/ayse.pdf",
        },
    };

    public static async Task<JsonElement> CreateInterviewAsync(HttpClient recruiter, int questionCount = 2)
    {
        var response = await recruiter.PostAsJsonAsync("/api/interviews", InterviewBody(questionCount));
        return await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> CreateApplicationAsync(HttpClient client, string interviewId)
    {
        var response = await client.PostAsJsonAsync("/api/applications", ApplicationBody(interviewId));
        return await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> AddVideoAsync(HttpClient client, string applicationId, string questionId, string? url = null) =>
        client.PostAsJsonAsync(
            $"/api/applications/{applicationId}/video-responses",
            new { questionId, videoUrl = url ?? $"https://videos.example.com/{questionId}.mp4" });

    /// <summary>An application with a video for every question of a new interview, still draft.</summary>
    public static async Task<(JsonElement Interview, JsonElement Application)> ReadyDraftAsync(
        HttpClient recruiter, HttpClient owner, int questionCount = 2)
    {
        var interview = await CreateInterviewAsync(recruiter, questionCount);
        var application = await CreateApplicationAsync(owner, interview.GetProperty("id").GetString()!);
        var applicationId = application.GetProperty("id").GetString()!;
        foreach (var question in interview.GetProperty("questions").EnumerateArray())
        {
            var added = await AddVideoAsync(owner, applicationId, question.GetProperty("id").GetString()!);
            await added.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        return (interview, application);
    }

    public static async Task<JsonElement> ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was: {0}", body);
        response.Headers.Contains("X-Request-Id").Should().BeTrue();
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with every member the contract requires, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        var text = problem.GetRawText();
        text.Should().NotContain("   at ", "no stack trace may leak");
        text.Should().NotContain("Exception", "no exception message may leak");
        return problem;
    }

    /// <summary>A 400 validation problem naming <paramref name="field"/> in its <c>errors</c>.</summary>
    public static async Task<JsonElement> ShouldBeValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.TryGetProperty("errors", out var errors).Should().BeTrue("a validation problem lists its fields: {0}", problem.GetRawText());
        errors.TryGetProperty(field, out var messages).Should().BeTrue("the errors should name '{0}': {1}", field, errors.GetRawText());
        messages.GetArrayLength().Should().BePositive();
        return problem;
    }

    public static string Id(this JsonElement element, string property = "id") => element.GetProperty(property).GetString()!;
}
