using System.Net;
using System.Text;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Admin;

/// <summary>
/// The admin tool's <c>jobs</c> and <c>webhook</c> commands against the AI backend simulator over real HTTP. AppBackend
/// runs no workers here, so whatever is dispatched or polled, the tool did it.
/// </summary>
public abstract class AdminToolPipelineTests : IAsyncLifetime
{
    private readonly AdminPipelineFixture _fixture;
    private readonly HttpClient _recruiter;

    protected AdminToolPipelineTests(AdminPipelineFixture fixture)
    {
        _fixture = fixture;
        _recruiter = fixture.Client(TestTokens.Recruiter());
    }

    private Dictionary<string, string?> Settings =>
        AdminTool.Settings(_fixture.Database, _fixture.SimulatorUrl, _fixture.App.Setting("PUBLIC_BASE_URL"));

    public async Task InitializeAsync()
    {
        await _fixture.Simulator.ResetAsync();
        await _fixture.Simulator.SettingsAsync(new { autoComplete = false, deliverCallbacks = false });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Redispatch_WhenQueued_SendsTheOwedDispatchAndTheApplicationAwaitsAnalysis()
    {
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 2);

        var run = await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId, "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        var report = run.Json();
        report.GetProperty("outcome").GetString().Should().Be("dispatched");
        report.GetProperty("recreatedDispatch").GetBoolean().Should().BeFalse();
        report.GetProperty("application").GetProperty("status").GetString().Should().Be("awaiting_ai_analysis");
        var application = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        application.Status().Should().Be("awaiting_ai_analysis");
        application.GetProperty("videoResponses").EnumerateArray().Should().AllSatisfy(v => v.GetProperty("jobId").GetString().Should().NotBeNullOrEmpty());
        var request = (await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId)).Should().ContainSingle().Subject;
        request.GetProperty("idempotencyKey").GetString().Should().Be($"{applicationId}-1");
        (await OwedDispatchAsync(applicationId)).Should().BeNull("the dispatch has its outcome");
    }

    [Fact]
    public async Task Redispatch_WhenTheDispatchRecordIsMissing_WritesItAgainWithTheCurrentKey()
    {
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        await using (var scope = _fixture.App.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
            queue.Remove((await queue.FindForApplicationAsync(applicationId, CancellationToken.None))!);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        }

        var run = await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("written again").And.Contain("awaiting_ai_analysis");
        run.Stderr.Should().Contain("owed no dispatch", "the repair is logged as a warning");
        var request = (await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId)).Should().ContainSingle().Subject;
        request.GetProperty("idempotencyKey").GetString().Should().Be($"{applicationId}-1", "the application's current key is reused");
    }

    [Fact]
    public async Task Retry_AfterTheAiBackendRefused_QueuesAgainAndTheNextDispatchUsesANewKey()
    {
        await _fixture.Simulator.FaultAsync(400);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);

        var refused = await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId);
        var failed = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        var retry = await AdminTool.RunAsync(Settings, "applications", "retry", applicationId);
        var queued = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        var redispatched = await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId);

        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.Stderr.Should().Contain("dispatch_failed").And.Contain("analysis could not be started");
        failed.Status().Should().Be("dispatch_failed");
        failed.GetProperty("failureReason").GetString().Should().Be("analysis could not be started");
        retry.ExitCode.Should().Be(0, retry.ToString());
        retry.Stdout.Should().Contain("queued");
        queued.Status().Should().Be("queued");
        redispatched.ExitCode.Should().Be(0, redispatched.ToString());
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("awaiting_ai_analysis");
        (await PipelineSteps.RequestsForAsync(_fixture.Simulator, applicationId))
            .Select(r => r.GetProperty("idempotencyKey").GetString())
            .Should().Equal($"{applicationId}-1", $"{applicationId}-2");
    }

    [Fact]
    public async Task Poll_ForAJobWhoseCallbackWasDropped_AppliesItsResult()
    {
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        (await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId)).ExitCode.Should().Be(0);
        var jobId = (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).GetProperty("videoResponses")[0].GetProperty("jobId").GetString()!;
        await _fixture.Simulator.CompleteJobAsync(jobId, "done", 77);
        (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("awaiting_ai_analysis", "the callback was dropped");

        var poll = await AdminTool.RunAsync(Settings, "jobs", "poll", "--job", jobId, "--json");
        var again = await AdminTool.RunAsync(Settings, "jobs", "poll", "--job", jobId);

        poll.ExitCode.Should().Be(0, poll.ToString());
        poll.Json().GetProperty("asked").GetInt32().Should().Be(1);
        poll.Json().GetProperty("applied").GetInt32().Should().Be(1);
        var completed = await PipelineSteps.GetApplicationAsync(_recruiter, applicationId);
        completed.Status().Should().Be("completed");
        completed.GetProperty("overallScore").GetDouble().Should().Be(77);
        again.ExitCode.Should().Be(1, "the job is final now: " + again);
        again.Stderr.Should().Contain(jobId);
    }

    [Fact]
    public async Task WebhookSign_OfACallbackBody_IsAcceptedByTheWebhook()
    {
        var (_, applicationId) = await PipelineSteps.SubmitAsync(_recruiter, 1);
        (await AdminTool.RunAsync(Settings, "jobs", "redispatch", applicationId)).ExitCode.Should().Be(0);
        var video = (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).GetProperty("videoResponses")[0];
        var body = WebhookCalls.Body(video.GetProperty("jobId").GetString()!, video.Id("videoResponseId"), "done", 88, "ai-admin-1");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, Encoding.UTF8.GetBytes(body));
            var settings = Settings.With("AI_CALLBACK_SECRET", $"{TestSecrets.CallbackSecret},a-second-secret-for-rotation-0123456789");

            var run = await AdminTool.RunAsync(settings, "webhook", "sign", file);
            var json = await AdminTool.RunAsync(settings, "webhook", "sign", file, "--json");

            run.ExitCode.Should().Be(0, run.ToString());
            var signature = run.Stdout.Trim();
            signature.Should().Be(WebhookCalls.HexSignature(body)).And.MatchRegex("^[0-9a-f]{64}$");
            json.Json().GetProperty("signature").GetString().Should().Be(signature);
            using var client = _fixture.Client();
            var delivered = await (await WebhookCalls.PostAsync(client, body, signature)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            delivered.GetProperty("result").GetString().Should().Be("applied");
            (await PipelineSteps.GetApplicationAsync(_recruiter, applicationId)).Status().Should().Be("completed");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string?> OwedDispatchAsync(string applicationId)
    {
        await using var scope = _fixture.App.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IDispatchQueue>();
        return (await queue.FindForApplicationAsync(applicationId, CancellationToken.None))?.IdempotencyKey;
    }
}

/// <summary>AppBackend with the simulator but without its workers: nothing dispatches or polls unless the admin tool does.</summary>
public abstract class AdminPipelineFixture(DatabaseKind kind) : PipelineFixture(kind)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Analysis:DispatchWorkerEnabled"] = "false",
        ["Analysis:MonitorWorkerEnabled"] = "false",
    };
}

public sealed class SqliteAdminPipelineFixture() : AdminPipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresAdminPipelineFixture() : AdminPipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteAdminToolPipelineTests(SqliteAdminPipelineFixture fixture) : AdminToolPipelineTests(fixture), IClassFixture<SqliteAdminPipelineFixture>;

public sealed class PostgresAdminToolPipelineTests(PostgresAdminPipelineFixture fixture) : AdminToolPipelineTests(fixture), IClassFixture<PostgresAdminPipelineFixture>;
