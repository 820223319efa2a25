using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Contract section 4, organizations: a recruiter reaches only his organization's interviews and applications;
/// another organization's answer 404 on every route and never appear in a list; a recruiter token without an
/// organization is refused with 403. Each test works in organizations of its own, so its lists are exactly known.
/// </summary>
public abstract class OrganizationAccessTests(ApiFixture fixture)
{
    public static TheoryData<bool> Directions() => [true, false];

    [Theory]
    [MemberData(nameof(Directions))]
    public async Task Recruiter_OnAnotherOrganizationsInterviewAndApplication_Gets404OnEveryRoute(bool acmeLooksAtGlobex)
    {
        var (acme, globex) = (await TenantAsync("acme"), await TenantAsync("globex"));
        var (viewer, owner) = acmeLooksAtGlobex ? (acme, globex) : (globex, acme);
        var filesBefore = MediaRequests.FilesIn(fixture.MediaRoot);
        var id = owner.ApplicationId;

        await (await viewer.Recruiter.GetAsync($"/api/interviews/{owner.InterviewId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.Recruiter.PostAsJsonAsync("/api/applications", ApiRequests.ApplicationBody(owner.InterviewId)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.Recruiter.GetAsync($"/api/applications/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ServerSentEventReader.SendAsync(viewer.Recruiter, $"/api/applications/{id}/events")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.Recruiter.GetAsync($"/api/applications/{id}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ApiRequests.AddVideoAsync(viewer.Recruiter, id, owner.QuestionId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await MediaRequests.UploadAsync(viewer.Recruiter, id, owner.QuestionId, TestVideos.Mp4(4096))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.Recruiter.PostAsync($"/api/applications/{id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await viewer.Recruiter.PostAsync($"/api/applications/{id}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        MediaRequests.FilesIn(fixture.MediaRoot).Should().Equal(filesBefore, "no upload to another organization's application is kept");
        var unchanged = await (await owner.Recruiter.GetAsync($"/api/applications/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        unchanged.GetProperty("status").GetString().Should().Be("draft");
        unchanged.GetProperty("videoResponses").EnumerateArray().Select(v => v.GetProperty("url").GetString())
            .Should().Equal($"https://videos.example.com/{owner.QuestionId}.mp4");
        (await ApplicationIdsAsync(owner.Recruiter, $"interviewId={owner.InterviewId}")).Should().Equal(id);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public async Task Recruiter_Lists_ShowOnlyHisOrganization(bool acmeLists)
    {
        var (acme, globex) = (await TenantAsync("acme"), await TenantAsync("globex"));
        var (viewer, other) = acmeLists ? (acme, globex) : (globex, acme);

        (await InterviewIdsAsync(viewer.Recruiter)).Should().Equal(viewer.InterviewId);
        (await ApplicationIdsAsync(viewer.Recruiter)).Should().Equal(viewer.ApplicationId);
        (await ApplicationIdsAsync(viewer.Recruiter, $"interviewId={other.InterviewId}")).Should().BeEmpty();
        (await ApplicationIdsAsync(viewer.Recruiter, "status=draft")).Should().Equal(viewer.ApplicationId);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public async Task Recruiter_OnHisOrganization_ReachesEveryRoute(bool asAcme)
    {
        var tenant = await TenantAsync(asAcme ? "acme" : "globex");
        var colleague = fixture.Client(TestTokens.Recruiter("a-colleague", tenant.Organization));
        var id = tenant.ApplicationId;

        var interview = await (await colleague.GetAsync($"/api/interviews/{tenant.InterviewId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        interview.GetProperty("organizationId").GetString().Should().Be(tenant.Organization);
        await ApiRequests.CreateApplicationAsync(colleague, tenant.InterviewId);
        await (await colleague.GetAsync($"/api/applications/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await colleague.GetAsync($"/api/applications/{id}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var stream = await ServerSentEventReader.SendAsync(colleague, $"/api/applications/{id}/events"))
        {
            stream.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await (await MediaRequests.UploadAsync(colleague, id, tenant.QuestionId, TestVideos.Mp4(4096))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await ApiRequests.AddVideoAsync(colleague, id, tenant.QuestionId)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await colleague.PostAsync($"/api/applications/{id}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await colleague.PostAsync($"/api/applications/{id}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task CreateInterview_AsRecruiter_BelongsToHisOrganization()
    {
        var organization = Unique("initech");
        var recruiter = fixture.Client(TestTokens.Recruiter("rita", organization));

        var created = await ApiRequests.CreateInterviewAsync(recruiter, 1);
        var listed = await (await recruiter.GetAsync("/api/interviews")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        created.GetProperty("organizationId").GetString().Should().Be(organization);
        listed.GetProperty("items")[0].GetProperty("organizationId").GetString().Should().Be(organization);
    }

    [Fact]
    public async Task Candidate_AppliesToInterviewsOfEveryOrganization_AndSeesOnlyHisOwn()
    {
        var (acme, globex) = (await TenantAsync("acme"), await TenantAsync("globex"));
        var candidate = fixture.Client(TestTokens.Candidate(Unique("cand")));

        await (await candidate.GetAsync($"/api/interviews/{acme.InterviewId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await candidate.GetAsync($"/api/interviews/{globex.InterviewId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var toAcme = await ApiRequests.CreateApplicationAsync(candidate, acme.InterviewId);
        var toGlobex = await ApiRequests.CreateApplicationAsync(candidate, globex.InterviewId);

        (await ApplicationIdsAsync(candidate)).Should().BeEquivalentTo([toAcme.Id(), toGlobex.Id()]);
        (await ApplicationIdsAsync(acme.Recruiter, $"interviewId={acme.InterviewId}")).Should().Contain(toAcme.Id()).And.NotContain(toGlobex.Id());
        (await ApplicationIdsAsync(globex.Recruiter, $"interviewId={globex.InterviewId}")).Should().Contain(toGlobex.Id()).And.NotContain(toAcme.Id());
        await (await candidate.GetAsync($"/api/applications/{acme.ApplicationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recruiter_WithoutAnOrganization_Gets403ProblemOnEveryRecruiterRoute()
    {
        var tenant = await TenantAsync("acme");
        var before = await InterviewIdsAsync(tenant.Recruiter);
        string[] tokens = [TestTokens.RecruiterWithoutOrganization(), TestTokens.Recruiter(org: new string('o', 129)), TestTokens.Recruiter(org: "  ")];

        foreach (var token in tokens)
        {
            var client = fixture.Client(token);
            var id = tenant.ApplicationId;
            HttpResponseMessage[] answers =
            [
                await client.GetAsync("/api/interviews"),
                await client.PostAsJsonAsync("/api/interviews", ApiRequests.InterviewBody()),
                await client.GetAsync($"/api/interviews/{tenant.InterviewId}"),
                await client.GetAsync("/api/applications"),
                await client.PostAsJsonAsync("/api/applications", ApiRequests.ApplicationBody(tenant.InterviewId)),
                await client.GetAsync($"/api/applications/{id}"),
                await ServerSentEventReader.SendAsync(client, $"/api/applications/{id}/events"),
                await ApiRequests.AddVideoAsync(client, id, tenant.QuestionId),
                await client.PostAsync($"/api/applications/{id}/submit", null),
                await client.PostAsync($"/api/applications/{id}/retry", null),
            ];

            foreach (var answer in answers)
            {
                var problem = await answer.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
                problem.GetProperty("code").GetString().Should().Be("auth.organization_missing", answer.RequestMessage!.RequestUri!.ToString());
            }
        }

        (await InterviewIdsAsync(tenant.Recruiter)).Should().Equal(before, "nothing was created");
        (await ApplicationIdsAsync(tenant.Recruiter)).Should().Equal(tenant.ApplicationId);
    }

    [Fact]
    public async Task Recruiter_WithAnOrganizationOf128Characters_IsAccepted()
    {
        var organization = Unique("o").PadRight(128, 'o');
        var recruiter = fixture.Client(TestTokens.Recruiter("rita", organization));

        var created = await ApiRequests.CreateInterviewAsync(recruiter, 1);

        created.GetProperty("organizationId").GetString().Should().Be(organization);
    }

    [Fact]
    public async Task Candidate_WithoutAnOrganization_IsNotRefused()
    {
        var candidate = fixture.Client(TestTokens.Candidate(Unique("cand")));

        await (await candidate.GetAsync("/api/applications")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    /// <summary>A fresh organization with a recruiter, one interview of one question and one draft application with a video.</summary>
    private async Task<Tenant> TenantAsync(string name)
    {
        var organization = Unique(name);
        var recruiter = fixture.Client(TestTokens.Recruiter($"recruiter-of-{name}", organization));
        var (interview, application) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, 1);
        interview.GetProperty("organizationId").GetString().Should().Be(organization);
        return new Tenant(organization, recruiter, interview.Id(), interview.GetProperty("questions")[0].Id(), application.Id());
    }

    private static async Task<List<string>> InterviewIdsAsync(HttpClient client) =>
        Ids(await (await client.GetAsync("/api/interviews?limit=100")).ShouldHaveStatusAsync(HttpStatusCode.OK));

    private static async Task<List<string>> ApplicationIdsAsync(HttpClient client, string query = "") =>
        Ids(await (await client.GetAsync($"/api/applications?limit=100&{query}")).ShouldHaveStatusAsync(HttpStatusCode.OK));

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.Id())];

    private sealed record Tenant(string Organization, HttpClient Recruiter, string InterviewId, string QuestionId, string ApplicationId);
}

public sealed class SqliteOrganizationAccessTests(SqliteApiFixture fixture) : OrganizationAccessTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresOrganizationAccessTests(PostgresApiFixture fixture) : OrganizationAccessTests(fixture), IClassFixture<PostgresApiFixture>;
