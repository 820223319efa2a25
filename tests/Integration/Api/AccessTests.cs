using System.Net;
using System.Net.Http.Json;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>Contract section 4: bearer tokens, roles, and a candidate confined to his own applications.</summary>
public abstract class AccessTests(ApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    public static TheoryData<string> BadTokens() => new()
    {
        TestTokens.Forged(),
        TestTokens.AlgNone(),
        TestTokens.Expired(),
        TestTokens.WrongAudience(),
        "not-a-jwt",
    };

    [Fact]
    public async Task Api_WithoutAToken_Returns401Problem()
    {
        var anonymous = fixture.Client();

        await (await anonymous.GetAsync("/api/interviews")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/interviews", ApiRequests.InterviewBody())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/applications/anything")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Api_WithAnInvalidToken_Returns401AndChangesNothing(string token)
    {
        var client = fixture.Client(token);
        var before = await CountInterviewsAsync();

        await (await client.PostAsJsonAsync("/api/interviews", ApiRequests.InterviewBody())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/interviews")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        (await CountInterviewsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Api_WithAnUnknownRole_Returns403()
    {
        var client = fixture.Client(TestTokens.For("admin", "someone"));

        await (await client.GetAsync("/api/applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateInterview_AsCandidate_Returns403AndCreatesNothing()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-403"));
        var before = await CountInterviewsAsync();

        var response = await candidate.PostAsJsonAsync("/api/interviews", ApiRequests.InterviewBody());

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await CountInterviewsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ListInterviews_AsCandidate_Returns403()
    {
        var candidate = fixture.Client(TestTokens.Candidate("cand-list"));

        await (await candidate.GetAsync("/api/interviews")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetInterview_AsCandidate_Returns200()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter);
        var candidate = fixture.Client(TestTokens.Candidate("cand-reads"));

        await (await candidate.GetAsync($"/api/interviews/{interview.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Candidate_OnAnotherCandidatesApplication_Gets404ForEveryOperation()
    {
        var owner = fixture.Client(TestTokens.Candidate("cand-owner"));
        var intruder = fixture.Client(TestTokens.Candidate("cand-intruder"));
        var (interview, application) = await ApiRequests.ReadyDraftAsync(_recruiter, owner, 1);
        var id = application.Id();
        var questionId = interview.GetProperty("questions")[0].Id();

        await (await intruder.GetAsync($"/api/applications/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ApiRequests.AddVideoAsync(intruder, id, questionId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/api/applications/{id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/api/applications/{id}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var unchanged = await (await owner.GetAsync($"/api/applications/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        unchanged.GetProperty("status").GetString().Should().Be("draft");
        unchanged.GetProperty("videoResponses")[0].GetProperty("url").GetString().Should().Be($"https://videos.example.com/{questionId}.mp4");
    }

    [Fact]
    public async Task Candidate_OnHisOwnApplication_CanReadUploadAndSubmit()
    {
        var owner = fixture.Client(TestTokens.Candidate("cand-self"));
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, owner, 1);

        await (await owner.GetAsync($"/api/applications/{application.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await owner.PostAsync($"/api/applications/{application.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task ListApplications_AsCandidate_ShowsOnlyHisOwn_WhileARecruiterSeesAll()
    {
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        var alice = fixture.Client(TestTokens.Candidate("cand-alice"));
        var bob = fixture.Client(TestTokens.Candidate("cand-bob"));
        var alices = await ApiRequests.CreateApplicationAsync(alice, interview.Id());
        var bobs = await ApiRequests.CreateApplicationAsync(bob, interview.Id());

        var seenByAlice = await (await alice.GetAsync($"/api/applications?interviewId={interview.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var seenByRecruiter = await (await _recruiter.GetAsync($"/api/applications?interviewId={interview.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        seenByAlice.GetProperty("items").EnumerateArray().Select(a => a.Id()).Should().Equal(alices.Id());
        seenByRecruiter.GetProperty("items").EnumerateArray().Select(a => a.Id()).Should().BeEquivalentTo([alices.Id(), bobs.Id()]);
    }

    [Fact]
    public async Task Recruiter_OnACandidatesApplication_CanReadIt()
    {
        var owner = fixture.Client(TestTokens.Candidate("cand-visible"));
        var interview = await ApiRequests.CreateInterviewAsync(_recruiter, 1);
        var application = await ApiRequests.CreateApplicationAsync(owner, interview.Id());

        await (await _recruiter.GetAsync($"/api/applications/{application.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_IsOpenWithoutAToken()
    {
        var anonymous = fixture.Client();

        (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_OutsideDevelopment_AreForRecruitersOnly_AndCarryTheRuntimesOwn()
    {
        var anonymous = fixture.Client();

        await (await anonymous.GetAsync("/metrics")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var lines = (await _recruiter.GetStringAsync("/metrics")).Split('\n');

        // The System.Runtime meter: what an operator reads a latency spike or a memory rise against.
        foreach (var series in new[] { "dotnet_gc_collections_total{", "dotnet_gc_pause_time_seconds_total", "dotnet_process_memory_working_set_bytes" })
        {
            lines.Should().Contain(l => l.StartsWith(series, StringComparison.Ordinal), series);
        }
    }

    private async Task<int> CountInterviewsAsync()
    {
        var page = await (await _recruiter.GetAsync("/api/interviews?limit=100")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return page.GetProperty("items").GetArrayLength();
    }
}

public sealed class SqliteAccessTests(SqliteApiFixture fixture) : AccessTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresAccessTests(PostgresApiFixture fixture) : AccessTests(fixture), IClassFixture<PostgresApiFixture>;
