using System.Text.RegularExpressions;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>Contract section 5: every line of a flow is correlated, and nothing secret is ever logged.</summary>
public abstract partial class LoggingTests(LoggingPipelineFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.Simulator.ResetAsync();
        await fixture.Simulator.SettingsAsync(new { autoComplete = true, completeAfterMs = 100 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Logs_OfOneDispatchedApplication_CarryItsIdsOnEveryLineAndNoSecretAnywhere()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 2);
        var completed = await PipelineSteps.WaitForStatusAsync(recruiter, applicationId, "completed");
        var jobIds = completed.GetProperty("videoResponses").EnumerateArray().Select(v => v.GetProperty("jobId").GetString()!).ToList();
        await fixture.Simulator.FaultAsync(409);
        var (_, refusedId) = await PipelineSteps.SubmitAsync(recruiter, 1);
        await Eventually.GetAsync(
            () => Task.FromResult(fixture.Slack.Bodies.Any(b => b.Contains(refusedId, StringComparison.Ordinal))), sent => sent, "the Slack alert");

        var flow = fixture.Logs.Logs
            .Where(l => l.Scope("applicationId") == applicationId || jobIds.Any(j => l.Scope("jobId")?.Contains(j, StringComparison.Ordinal) == true))
            .ToList();

        flow.Should().Contain(l => l.Category.EndsWith("DispatchApplicationCommandHandler", StringComparison.Ordinal));
        flow.Count(l => l.Category.EndsWith("ApplyAnalysisResultCommandHandler", StringComparison.Ordinal)
            && l.Message.Contains("applied to application", StringComparison.Ordinal)).Should().Be(2);
        // Every line carries the request id; a callback's lines carry the job id from the start and the application id
        // once the lookup has found it (only the lookup query itself runs before that).
        flow.Should().AllSatisfy(l => l.Scope("requestId").Should().NotBeNullOrEmpty(l.ToString()));
        flow.Where(l => l.Category.StartsWith("AppBackend", StringComparison.Ordinal)).Should().AllSatisfy(l =>
        {
            l.Scope("applicationId").Should().Be(applicationId, l.ToString());
            jobIds.Should().Contain(j => l.Scope("jobId")!.Contains(j, StringComparison.Ordinal), l.ToString());
        });

        var everything = string.Join('\n', fixture.Logs.Logs.Select(l => l.AllText));
        everything.Should().NotBeEmpty();
        everything.Should().NotContain(TestSecrets.AiBackendSecret);
        everything.Should().NotContain(TestSecrets.CallbackSecret);
        everything.Should().NotContain(TestTokens.SigningKey);
        everything.Should().NotContain(fixture.Slack.Url.ToString(), "the Slack webhook URL is a secret");
        JwtPattern().IsMatch(everything).Should().BeFalse("no bearer token may be logged");
        HmacHexPattern().IsMatch(everything).Should().BeFalse("no webhook signature may be logged");
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"\b[0-9a-fA-F]{64}\b")]
    private static partial Regex HmacHexPattern();
}

/// <summary>Logs everything, framework lines included, down to Debug: the widest net for a leaked secret.</summary>
public abstract class LoggingPipelineFixture(DatabaseKind kind) : PipelineFixture(kind)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        ["Logging:LogLevel:System.Net.Http"] = "Debug",
    };
}

public sealed class SqliteLoggingPipelineFixture() : LoggingPipelineFixture(DatabaseKind.Sqlite);

public sealed class SqliteLoggingTests(SqliteLoggingPipelineFixture fixture) : LoggingTests(fixture), IClassFixture<SqliteLoggingPipelineFixture>;
