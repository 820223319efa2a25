using AppBackend.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// An idle dispatch worker is woken by a dispatch becoming owed, not by its idle delay. The dispatching instance's idle
/// delay is 17 minutes, far longer than any test here, so a dispatch can only happen because something woke it. Each
/// test first waits, through the instance's clock, until the worker has found the queue empty and parked on that delay.
/// </summary>
public abstract class DispatchWakeUpTests(ApiOnlyPipelineFixture fixture) : IAsyncLifetime
{
    /// <summary>Distinct, so the test clock can tell the worker's idle wait from every other timer.</summary>
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMinutes(17);

    private readonly List<AppBackendFactory> _started = [];

    public async Task InitializeAsync()
    {
        await fixture.Simulator.ResetAsync();
        await fixture.Simulator.SettingsAsync(new { autoComplete = false });
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _started)
        {
            await fixture.StopInstanceAsync(instance);
        }
    }

    [Fact]
    public async Task Submit_OnTheParkedInstance_WakesItsWorker()
    {
        var (instance, clock) = await StartParkedAsync();
        var recruiter = fixture.Client(TestTokens.Recruiter(), instance);

        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 1);

        await PipelineSteps.WaitForStatusAsync(recruiter, applicationId, "awaiting_ai_analysis");
        (await PipelineSteps.RequestsForAsync(fixture.Simulator, applicationId)).Should().ContainSingle();
        await ParkedAsync(clock, times: 2);
    }

    [Fact]
    public async Task Retry_OnTheParkedInstance_WakesItsWorker()
    {
        var (instance, clock) = await StartParkedAsync();
        var recruiter = fixture.Client(TestTokens.Recruiter(), instance);
        await fixture.Simulator.FaultAsync(400, count: 1);
        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 1);
        await PipelineSteps.WaitForStatusAsync(recruiter, applicationId, "dispatch_failed");
        await ParkedAsync(clock, times: 2);

        var retried = await recruiter.PostAsync($"/api/applications/{applicationId}/retry", null);
        await retried.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Accepted);

        await PipelineSteps.WaitForStatusAsync(recruiter, applicationId, "awaiting_ai_analysis");
        (await PipelineSteps.RequestsForAsync(fixture.Simulator, applicationId)).Should().HaveCount(2);
    }

    /// <summary>PostgreSQL only: the submit is committed on an instance without a worker; only the database's NOTIFY reaches the parked one.</summary>
    protected async Task SubmitOnAnotherInstance_WakesTheParkedWorkerThroughTheDatabase()
    {
        var (_, clock) = await StartParkedAsync();
        await Eventually.GetAsync(ListenersAsync, n => n >= 2, "both instances to LISTEN");
        var apiOnly = fixture.Client(TestTokens.Recruiter());

        var (_, applicationId) = await PipelineSteps.SubmitAsync(apiOnly, 1);

        await PipelineSteps.WaitForStatusAsync(apiOnly, applicationId, "awaiting_ai_analysis");
        await ParkedAsync(clock, times: 2);
    }

    /// <summary>A dispatching instance whose worker has already looked at the (empty) queue once and now waits.</summary>
    private async Task<(AppBackendFactory Instance, IdleWaitClock Clock)> StartParkedAsync()
    {
        var clock = new IdleWaitClock(IdleDelay);
        var instance = await fixture.StartInstanceAsync(
            new Dictionary<string, string?>
            {
                ["Analysis:DispatchWorkerEnabled"] = "true",
                ["Analysis:MonitorWorkerEnabled"] = "false",
                ["Analysis:DispatchIdleDelay"] = IdleDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            },
            services => services.AddSingleton<TimeProvider>(clock));
        _started.Add(instance);
        await ParkedAsync(clock, times: 1);
        return (instance, clock);
    }

    private static Task ParkedAsync(IdleWaitClock clock, int times) =>
        Eventually.GetAsync(() => Task.FromResult(clock.IdleWaits), n => n >= times, $"the dispatch worker to park on its idle delay ({times})");

    private async Task<long> ListenersAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %dispatches_owed%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The real clock, counting the waits started for exactly the worker's idle delay.</summary>
    private sealed class IdleWaitClock(TimeSpan idleDelay) : TimeProvider
    {
        private int _idleWaits;

        public int IdleWaits => Volatile.Read(ref _idleWaits);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == idleDelay)
            {
                Interlocked.Increment(ref _idleWaits);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}

public sealed class SqliteWakeUpPipelineFixture() : ApiOnlyPipelineFixture(DatabaseKind.Sqlite);

public sealed class PostgresWakeUpPipelineFixture() : ApiOnlyPipelineFixture(DatabaseKind.Postgres);

public sealed class SqliteDispatchWakeUpTests(SqliteWakeUpPipelineFixture fixture)
    : DispatchWakeUpTests(fixture), IClassFixture<SqliteWakeUpPipelineFixture>;

public sealed class PostgresDispatchWakeUpTests(PostgresWakeUpPipelineFixture fixture)
    : DispatchWakeUpTests(fixture), IClassFixture<PostgresWakeUpPipelineFixture>
{
    [Fact]
    public Task Submit_OnAnotherInstance_WakesTheParkedWorkerThroughTheDatabase() => SubmitOnAnotherInstance_WakesTheParkedWorkerThroughTheDatabase();
}
