using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Api;

/// <summary>The draft → queued journey of contract section 1, over real HTTP, on each database.</summary>
public abstract class JourneyTests(ApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    [Fact]
    public async Task Journey_FromDraftToQueued_MatchesTheContractAtEveryStep()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-journey"));

        var createdInterview = await _recruiter.PostAsJsonAsync("/api/interviews", ApiRequests.InterviewBody(2));
        var interview = await createdInterview.ShouldHaveStatusAsync(HttpStatusCode.Created);
        createdInterview.Headers.Location!.ToString().Should().Be($"/api/interviews/{interview.Id()}");
        interview.GetProperty("title").GetString().Should().Be("Backend Engineer");
        interview.GetProperty("createdAt").GetString().Should().EndWith("Z");
        var questions = interview.GetProperty("questions").EnumerateArray().ToList();
        questions.Should().HaveCount(2);
        questions[0].GetProperty("text").GetString().Should().StartWith("Question 1");
        questions[0].GetProperty("durationSeconds").GetInt32().Should().Be(120);
        questions[0].GetProperty("aiMetadata").GetProperty("skill").GetString().Should().Be("problem_solving");
        questions.Select(q => q.Id()).Should().OnlyHaveUniqueItems();

        var fetchedInterview = await (await candidate.GetAsync($"/api/interviews/{interview.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        fetchedInterview.GetRawText().Should().Be(interview.GetRawText());

        var createdApplication = await candidate.PostAsJsonAsync("/api/applications", ApiRequests.ApplicationBody(interview.Id()));
        var application = await createdApplication.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var applicationId = application.Id();
        createdApplication.Headers.Location!.ToString().Should().Be($"/api/applications/{applicationId}");
        application.GetProperty("interviewId").GetString().Should().Be(interview.Id());
        application.GetProperty("status").GetString().Should().Be("draft");
        application.GetProperty("allowRetry").GetBoolean().Should().BeFalse();
        application.GetProperty("failureReason").ValueKind.Should().Be(JsonValueKind.Null);
        application.GetProperty("latestAiAnalysisId").ValueKind.Should().Be(JsonValueKind.Null);
        application.GetProperty("overallScore").ValueKind.Should().Be(JsonValueKind.Null);
        application.GetProperty("videoResponses").GetArrayLength().Should().Be(0);
        application.GetProperty("aiAnalysisResults").GetArrayLength().Should().Be(0);
        var candidateView = application.GetProperty("candidate");
        candidateView.GetProperty("fullName").GetString().Should().Be("Ayşe Yılmaz");
        candidateView.GetProperty("email").GetString().Should().Be("ayse@example.com");
        candidateView.GetProperty("phone").GetString().Should().Be("+90 555 000 00 00");
        candidateView.GetProperty("cvUrl").GetString().Should().Be("https://files.example.com/cv/ayse.pdf");
        application.GetProperty("createdAt").GetString().Should().EndWith("Z");
        application.GetProperty("updatedAt").GetString().Should().EndWith("Z");

        foreach (var question in questions)
        {
            var added = await (await ApiRequests.AddVideoAsync(candidate, applicationId, question.Id())).ShouldHaveStatusAsync(HttpStatusCode.Created);
            added.GetProperty("questionId").GetString().Should().Be(question.Id());
            added.GetProperty("url").GetString().Should().Be($"https://videos.example.com/{question.Id()}.mp4");
            added.GetProperty("status").GetString().Should().Be("uploaded");
            added.GetProperty("videoResponseId").GetString().Should().NotBeNullOrEmpty();
        }

        var submitted = await candidate.PostAsync($"/api/applications/{applicationId}/submit", null);
        var queued = await submitted.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        queued.GetProperty("status").GetString().Should().Be("queued");
        queued.GetProperty("videoResponses").EnumerateArray().Select(v => v.GetProperty("status").GetString())
            .Should().AllBe("queued");

        var fetched = await (await candidate.GetAsync($"/api/applications/{applicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        fetched.GetProperty("status").GetString().Should().Be("queued");
        fetched.GetProperty("videoResponses").GetArrayLength().Should().Be(2);

        var owed = await OwedDispatchesAsync(applicationId);
        owed.Should().ContainSingle().Which.Should().Be($"{applicationId}-1");
    }

    [Fact]
    public async Task AddVideo_SecondAnswerToTheSameQuestionWhileDraft_ReplacesTheFirst()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        var application = await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id());
        var questionId = interview.GetProperty("questions")[0].Id();

        var first = await (await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionId, "https://videos.example.com/first.mp4")).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var second = await (await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionId, "https://videos.example.com/second.mp4")).ShouldHaveStatusAsync(HttpStatusCode.Created);

        second.Id("videoResponseId").Should().NotBe(first.Id("videoResponseId"));
        var fetched = await (await _recruiter.GetAsync($"/api/applications/{application.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var videos = fetched.GetProperty("videoResponses").EnumerateArray().ToList();
        videos.Should().ContainSingle();
        videos[0].GetProperty("url").GetString().Should().Be("https://videos.example.com/second.mp4");
    }

    [Fact]
    public async Task Submit_WhenAQuestionHasNoVideo_Returns422WithTheMissingQuestionIds()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 3);
        var application = await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id());
        var questionIds = interview.GetProperty("questions").EnumerateArray().Select(q => q.Id()).ToList();
        await (await ApiRequests.AddVideoAsync(_recruiter, application.Id(), questionIds[1])).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var response = await _recruiter.PostAsync($"/api/applications/{application.Id()}/submit", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("missingQuestionIds").EnumerateArray().Select(e => e.GetString())
            .Should().BeEquivalentTo([questionIds[0], questionIds[2]]);
        (await OwedDispatchesAsync(application.Id())).Should().BeEmpty();
    }

    [Fact]
    public async Task Submit_WhenNotDraft_Returns409AndOwesOneDispatchOnly()
    {
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter);
        await (await _recruiter.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var again = await _recruiter.PostAsync($"/api/applications/{application.Id()}/submit", null);

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("application.not_draft");
        (await OwedDispatchesAsync(application.Id())).Should().ContainSingle();
    }

    [Fact]
    public async Task Submit_TwoAtOnce_OneIsAcceptedAndTheOtherRefused()
    {
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter);
        var url = $"/api/applications/{application.Id()}/submit";

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.Client(TestTokens.Recruiter()).PostAsync(url, null)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Accepted).Should().Be(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Conflict);
        (await OwedDispatchesAsync(application.Id())).Should().ContainSingle();
    }

    [Fact]
    public async Task AddVideo_AfterSubmit_Returns409()
    {
        var (interview, application) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter, 1);
        await (await _recruiter.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var response = await ApiRequests.AddVideoAsync(_recruiter, application.Id(), interview.GetProperty("questions")[0].Id());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("application.not_editable");
    }

    [Fact]
    public async Task Retry_WhenRetryIsNotAllowed_Returns409()
    {
        var (_, draft) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter, 1);
        (await _recruiter.PostAsync($"/api/applications/{draft.Id()}/retry", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        await (await _recruiter.PostAsync($"/api/applications/{draft.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        var response = await _recruiter.PostAsync($"/api/applications/{draft.Id()}/retry", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be("application.retry_not_allowed");
    }

    [Fact]
    public async Task ListApplications_ByInterview_PagesNewestFirstWithACursor()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id())).Id());
        }

        var first = await (await _recruiter.GetAsync($"/api/applications?interviewId={interview.Id()}&limit=2")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await _recruiter.GetAsync($"/api/applications?interviewId={interview.Id()}&limit=2&cursor={Uri.EscapeDataString(cursor!)}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(a => a.Id()).ToList();
        ids.Should().Equal(created[2], created[1], created[0]);
        second.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task ListApplications_ByStatus_ReturnsOnlyThatStatus()
    {
        var (interview, submitted) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter, 1);
        await (await _recruiter.PostAsync($"/api/applications/{submitted.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var draft = await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id());

        var queued = await (await _recruiter.GetAsync($"/api/applications?interviewId={interview.Id()}&status=queued")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var drafts = await (await _recruiter.GetAsync($"/api/applications?interviewId={interview.Id()}&status=draft")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        queued.GetProperty("items").EnumerateArray().Select(a => a.Id()).Should().Equal(submitted.Id());
        drafts.GetProperty("items").EnumerateArray().Select(a => a.Id()).Should().Equal(draft.Id());
    }

    [Fact]
    public async Task ListInterviews_PagesNewestFirstWithACursor()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await ApiRequests.CreateInterviewAsync(_recruiter, 1)).Id());
        }

        var first = await (await _recruiter.GetAsync("/api/interviews?limit=2")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await (await _recruiter.GetAsync($"/api/interviews?limit=1&cursor={Uri.EscapeDataString(cursor)}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        first.GetProperty("items").EnumerateArray().Select(i => i.Id()).Should().Equal(created[2], created[1]);
        second.GetProperty("items").EnumerateArray().Select(i => i.Id()).Should().Equal(created[0]);
    }

    private async Task<List<string>> OwedDispatchesAsync(string applicationId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.PendingDispatches.Where(d => d.ApplicationId == applicationId).Select(d => d.IdempotencyKey).ToListAsync();
    }
}

public sealed class SqliteJourneyTests(SqliteApiFixture fixture) : JourneyTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresJourneyTests(PostgresApiFixture fixture) : JourneyTests(fixture), IClassFixture<PostgresApiFixture>;
