using System.Net;
using System.Text.Json.Nodes;
using AppBackend.Application.Common.Ports;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Admin;

/// <summary>
/// The admin tool against a real database that a running AppBackend (no workers) shares: the data is seeded over
/// HTTP, the tool is run in-process through its entry point, and its answers are checked against the API's.
/// </summary>
public abstract class AdminToolTests(ApiFixture fixture)
{
    private readonly HttpClient _recruiter = fixture.Client(TestTokens.Recruiter());

    private Dictionary<string, string?> Settings => AdminTool.Settings(fixture.Database);

    [Fact]
    public async Task Show_WhenTheApplicationExists_PrintsATableAndTheApiJson()
    {
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter, 2);
        var id = application.Id();

        var table = await AdminTool.RunAsync(Settings, "applications", "show", id);
        var json = await AdminTool.RunAsync(Settings, "applications", "show", id, "--json");

        table.ExitCode.Should().Be(0, table.ToString());
        table.Stdout.Should().Contain(id).And.Contain("draft").And.Contain("Ayşe Yılmaz <ayse@example.com>").And.Contain("VIDEO");
        table.Stderr.Should().BeEmpty();
        json.ExitCode.Should().Be(0, json.ToString());
        var api = await PipelineSteps.GetApplicationAsync(_recruiter, id);
        JsonNode.DeepEquals(JsonNode.Parse(json.Stdout), JsonNode.Parse(api.GetRawText()))
            .Should().BeTrue("--json prints the API's view of the application; tool:\n{0}\napi:\n{1}", json.Stdout, api.GetRawText());
        json.Json().GetProperty("updatedAt").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task Show_WhenTheApplicationIsUnknown_ExitsWithOneAndTheDetailOnStderr()
    {
        var run = await AdminTool.RunAsync(Settings, "applications", "show", "no-such-application", "--json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("Application 'no-such-application' does not exist").And.Contain("application.not_found");
    }

    [Fact]
    public async Task List_FilteredByStatus_ListsOnlyApplicationsInThatStatus()
    {
        var (interviewId, draftId, queuedId) = await DraftAndQueuedAsync();

        var queued = await AdminTool.RunAsync(Settings, "applications", "list", "--interview", interviewId, "--status", "queued", "--json");
        var drafts = await AdminTool.RunAsync(Settings, "applications", "list", "--interview", interviewId, "--status", "draft");

        queued.ExitCode.Should().Be(0, queued.ToString());
        Ids(queued).Should().Equal(queuedId);
        queued.Json().GetProperty("nextCursor").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        drafts.ExitCode.Should().Be(0, drafts.ToString());
        drafts.Stdout.Should().Contain(draftId).And.NotContain(queuedId).And.Contain("STATUS");
    }

    [Fact]
    public async Task List_OlderThan_KeepsOnlyApplicationsUnchangedForAtLeastThatLong()
    {
        var (interviewId, draftId, queuedId) = await DraftAndQueuedAsync();

        var quietForNoTime = await AdminTool.RunAsync(Settings, "applications", "list", "--interview", interviewId, "--older-than", "0s", "--json");
        var quietForADay = await AdminTool.RunAsync(Settings, "applications", "list", "--interview", interviewId, "--older-than", "1d", "--json");
        var quietForADayAsTimeSpan = await AdminTool.RunAsync(Settings, "applications", "list", "--interview", interviewId, "--older-than", "1.00:00:00");
        var queuedQuietForNoTime = await AdminTool.RunAsync(Settings, "applications", "list", "--interview", interviewId, "--status", "queued", "--older-than", "00:00:00", "--json");

        quietForNoTime.ExitCode.Should().Be(0, quietForNoTime.ToString());
        Ids(quietForNoTime).Should().BeEquivalentTo([draftId, queuedId], "both were last changed before the command ran");
        quietForADay.ExitCode.Should().Be(0, quietForADay.ToString());
        Ids(quietForADay).Should().BeEmpty("both were changed moments ago");
        quietForADayAsTimeSpan.Stdout.Should().Contain("No application matches.");
        Ids(queuedQuietForNoTime).Should().Equal(queuedId);
    }

    [Fact]
    public async Task ListAndShow_ActAcrossOrganizations_FilterWithOrg_AndShowTheOrganization()
    {
        var (acme, globex) = ($"acme-{Guid.NewGuid():N}", $"globex-{Guid.NewGuid():N}");
        var (rita, gus) = (fixture.Client(TestTokens.Recruiter("rita", acme)), fixture.Client(TestTokens.Recruiter("gus", globex)));
        var (_, acmeApplication) = await ApiRequests.ReadyDraftAsync(rita, rita, 1);
        var (_, globexApplication) = await ApiRequests.ReadyDraftAsync(gus, gus, 1);

        var everyone = await AdminTool.RunAsync(Settings, "applications", "list", "--limit", "100", "--json");
        var onlyAcme = await AdminTool.RunAsync(Settings, "applications", "list", "--org", acme, "--json");
        var onlyGlobexTable = await AdminTool.RunAsync(Settings, "applications", "list", "--org", globex);
        var shown = await AdminTool.RunAsync(Settings, "applications", "show", globexApplication.Id());

        everyone.ExitCode.Should().Be(0, everyone.ToString());
        Ids(everyone).Should().Contain([acmeApplication.Id(), globexApplication.Id()], "the admin tool acts across organizations");
        Ids(onlyAcme).Should().Equal(acmeApplication.Id());
        onlyAcme.Json().GetProperty("items")[0].GetProperty("organizationId").GetString().Should().Be(acme);
        onlyGlobexTable.Stdout.Should().Contain("ORG").And.Contain(globex).And.Contain(globexApplication.Id()).And.NotContain(acmeApplication.Id());
        shown.ExitCode.Should().Be(0, shown.ToString());
        shown.Stdout.Should().Contain("organization").And.Contain(globex);
    }

    [Fact]
    public async Task Retry_OfAnotherOrganizationsApplication_IsNotRefusedForIt()
    {
        var organization = $"initech-{Guid.NewGuid():N}";
        var ina = fixture.Client(TestTokens.Recruiter("ina", organization));
        var (_, application) = await ApiRequests.ReadyDraftAsync(ina, ina, 1);

        var run = await AdminTool.RunAsync(Settings, "applications", "retry", application.Id());

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("application.retry_not_allowed", "the tool reaches the application; only its draft status refuses the retry");
    }

    [Fact]
    public async Task List_WithAnEmptyOrg_ExitsWithTwo()
    {
        var run = await AdminTool.RunAsync(Settings, "applications", "list", "--org", "");

        run.ExitCode.Should().Be(2, run.ToString());
    }

    [Fact]
    public async Task List_WithALimitOutOfRange_ExitsWithTwo()
    {
        var run = await AdminTool.RunAsync(Settings, "applications", "list", "--limit", "500");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("limit");
    }

    [Fact]
    public async Task Retry_WhenDispatchFailed_QueuesTheApplicationAgain()
    {
        var applicationId = await SubmittedAsync();

        // Nothing listens at the tool's AI_BACKEND_URL: the dispatch fails for good after its one quick retry.
        var dispatch = await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId);
        var failed = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        var retry = await AdminTool.RunAsync(Settings, "applications", "retry", applicationId, "--json");
        var queued = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);

        dispatch.ExitCode.Should().Be(1, dispatch.ToString());
        dispatch.Stderr.Should().Contain("dispatch_failed");
        failed.Status().Should().Be("dispatch_failed");
        failed.GetProperty("allowRetry").GetBoolean().Should().BeTrue();
        retry.ExitCode.Should().Be(0, retry.ToString());
        retry.Json().GetProperty("status").GetString().Should().Be("queued");
        queued.Status().Should().Be("queued");
        queued.GetProperty("allowRetry").GetBoolean().Should().BeFalse();
        (await OwedDispatchAsync(applicationId)).Should().Be($"{applicationId}-2", "the retry owes a new dispatch attempt");
    }

    [Fact]
    public async Task History_AfterTheToolsChanges_NamesTheAdminAsActor_AndTheirEventsReachOpenStreams()
    {
        var applicationId = await SubmittedAsync();
        using var stream = await ServerSentEventReader.ReadFromAsync(
            await ServerSentEventReader.SendAsync(_recruiter, $"/api/applications/{applicationId}/events"));
        var current = await stream.NextEventAsync();

        // The tool writes the database on its own, like another process: the WebApi's stream still gets each change.
        (await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId)).ExitCode.Should().Be(1);
        (await AdminTool.RunAsync(Settings, "applications", "retry", applicationId)).ExitCode.Should().Be(0);
        var failed = await stream.NextEventAsync();
        var retried = await stream.NextEventAsync();
        var table = await AdminTool.RunAsync(Settings, "applications", "history", applicationId);
        var json = await AdminTool.RunAsync(Settings, "applications", "history", applicationId, "--json");

        (failed.Version, retried.Version).Should().Be((current.Version + 1, current.Version + 2));
        failed.Data.Should().Contain("\"status\":\"dispatch_failed\"");
        retried.Data.Should().Contain("\"status\":\"queued\"");
        json.ExitCode.Should().Be(0, json.ToString());
        var items = json.Json().GetProperty("items").EnumerateArray().ToList();
        items.Select(i => (i.GetProperty("type").GetString(), i.GetProperty("actor").GetString())).Should().EndWith(
            [("submitted", "recruiter:recruiter-1"), ("dispatch_failed", "admin"), ("retry_requested", "admin")]);
        items[^2].GetProperty("details").GetProperty("answer").GetString().Should().Be("unavailable");
        items[^2].GetProperty("details").GetProperty("failureReason").GetString().Should().NotBeNullOrEmpty();
        var api = await (await _recruiter.GetAsync($"/api/applications/{applicationId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        JsonNode.DeepEquals(JsonNode.Parse(json.Stdout), JsonNode.Parse(api.GetRawText())).Should().BeTrue("--json prints the API's history");
        table.ExitCode.Should().Be(0, table.ToString());
        table.Stdout.Should().Contain("VERSION").And.Contain("dispatch_failed").And.Contain("retry_requested").And.Contain("admin");
    }

    [Fact]
    public async Task Retry_WhenRetryIsNotAllowed_ExitsWithOne()
    {
        var applicationId = await SubmittedAsync();

        var run = await AdminTool.RunAsync(Settings, "applications", "retry", applicationId);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("cannot be retried").And.Contain("queued").And.Contain("application.retry_not_allowed");
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("queued");
    }

    [Fact]
    public async Task Redispatch_WhenTheApplicationIsNotQueued_ExitsWithOne()
    {
        var (_, application) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter, 1);

        var run = await AdminTool.RunAsync(Settings, "jobs", "redispatch", application.Id());

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("Only a queued application can be dispatched again").And.Contain("draft");
    }

    [Fact]
    public async Task Redispatch_WhileAWorkerHoldsTheDispatch_RefusesAsInProgress()
    {
        var applicationId = await SubmittedAsync();
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
            (await queue.ClaimAsync($"{applicationId}-1", "a-worker-elsewhere", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), CancellationToken.None))
                .Should().BeTrue();
        }

        var run = await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("in progress").And.Contain("dispatch.in_progress");
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("queued", "nothing was sent");
    }

    [Fact]
    public async Task Token_WithTheConfiguredKey_IsAcceptedByTheWebApi()
    {
        var organization = $"hooli-{Guid.NewGuid():N}";
        var text = await AdminTool.RunAsync(Settings, "token", "--role", "recruiter", "--sub", "admin-test", "--org", organization);
        var withoutOrg = await AdminTool.RunAsync(Settings, "token", "--role", "recruiter", "--sub", "admin-test");
        var candidateWithOrg = await AdminTool.RunAsync(Settings, "token", "--role", "candidate", "--sub", "cand-admin", "--org", organization);
        var json = await AdminTool.RunAsync(Settings, "token", "--role", "candidate", "--sub", "cand-admin", "--lifetime", "10m", "--json");

        text.ExitCode.Should().Be(0, text.ToString());
        using var recruiter = fixture.Client(text.Stdout.Trim());
        var created = await ApiRequests.CreateInterviewAsync(recruiter, 1);
        created.GetProperty("organizationId").GetString().Should().Be(organization);
        var listed = await (await recruiter.GetAsync("/api/interviews")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        listed.GetProperty("items").EnumerateArray().Select(i => i.Id()).Should().Equal(created.Id());
        withoutOrg.ExitCode.Should().Be(2, "outside Development a recruiter token needs --org: " + withoutOrg);
        withoutOrg.Stdout.Should().BeEmpty();
        withoutOrg.Stderr.Should().Contain("--org");
        candidateWithOrg.ExitCode.Should().Be(2, candidateWithOrg.ToString());

        json.ExitCode.Should().Be(0, json.ToString());
        var issued = json.Json();
        issued.GetProperty("role").GetString().Should().Be("candidate");
        issued.GetProperty("sub").GetString().Should().Be("cand-admin");
        issued.GetProperty("org").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        issued.GetProperty("expiresAt").GetString().Should().EndWith("Z");
        using var candidate = fixture.Client(issued.GetProperty("accessToken").GetString());
        await (await candidate.GetAsync("/api/applications")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await candidate.PostAsync("/api/interviews", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static IEnumerable<string> Ids(AdminRun run) =>
        run.Json().GetProperty("items").EnumerateArray().Select(a => a.Id()).ToList();

    /// <summary>A new interview with one draft and one queued application (no worker runs, so it stays queued).</summary>
    private async Task<(string InterviewId, string DraftId, string QueuedId)> DraftAndQueuedAsync()
    {
        var (interview, draft) = await ApiRequests.ReadyDraftAsync(_recruiter, _recruiter, 1);
        var queued = await ApiRequests.CreateApplicationAsync(_recruiter, interview.Id());
        var added = await ApiRequests.AddVideoAsync(_recruiter, queued.Id(), interview.GetProperty("questions")[0].Id());
        await added.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await _recruiter.PostAsync($"/api/applications/{queued.Id()}/submit", null)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        return (interview.Id(), draft.Id(), queued.Id());
    }

    private async Task<string> SubmittedAsync() => (await PipelineSteps.SubmitAsync(_recruiter, 1)).ApplicationId;

    private async Task<string?> OwedDispatchAsync(string applicationId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
        return (await queue.FindForApplicationAsync(applicationId, CancellationToken.None))?.IdempotencyKey;
    }
}

public sealed class SqliteAdminToolTests(SqliteApiFixture fixture) : AdminToolTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresAdminToolTests(PostgresApiFixture fixture) : AdminToolTests(fixture), IClassFixture<PostgresApiFixture>;
