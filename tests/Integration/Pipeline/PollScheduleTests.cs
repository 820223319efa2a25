using System.Globalization;
using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.IntegrationTests.Pipeline;

/// <summary>
/// The poller asks only about the jobs whose next poll is due, and in time about every job in flight: jobs this
/// version dispatched, and jobs dispatched before the <c>NextPollAt</c> migration, whose next poll the migration
/// derives from when they were dispatched and last asked about. The database is migrated to the schema before that
/// migration, rows are written in it, and AppBackend's start migrates the rest. The clock is a
/// <see cref="FakeTimeProvider"/> started at the real time; the AI backend is a <see cref="RecordingPeer"/>, which
/// reports every job as still processing. Poll schedule: first after 30 s, then every 30 s (the defaults, which the
/// migration assumes).
/// </summary>
public abstract class PollScheduleTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string InterviewId = "0190aa00000070000000000000000010";
    private const string QuestionId = "0190aa00000070000000000000000011";

    private readonly RecordingPeer _peer = new();
    // Whole seconds: PostgreSQL keeps microseconds, and a job due exactly at a tick must not be rounded past it.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private TestDatabase _database = null!;
    private AppBackendFactory? _app;

    private DateTimeOffset Start { get; set; }

    public async Task InitializeAsync()
    {
        Start = _clock.GetUtcNow();
        await _peer.StartAsync();
        _database = await TestDatabase.CreateAsync(kind, "poll-schedule");
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync(kind == DatabaseKind.Postgres ? "20261201091257_EventLog" : "20261201091249_EventLog");
        var interview = $"""
            INSERT INTO interviews ("Id","OrganizationId","Title","CreatedAt","Version")
            VALUES ('{InterviewId}', '{TestTokens.Organization}', 'Old interview', {At(Start.AddHours(-2))}, 1)
            """;
        var question = $"""
            INSERT INTO interview_questions ("Id","Position","Text","DurationSeconds","AiMetadata","InterviewId")
            VALUES ('{QuestionId}', 0, 'Tell us about a hard bug.', 120, {"{0}"}, '{InterviewId}')
            """;
        await db.Database.ExecuteSqlRawAsync(interview);
        await db.Database.ExecuteSqlRawAsync(question, """{"skill":"problem_solving"}""");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _peer.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Poll_AsksOnlyAboutDueJobs_AndInTimeAboutEveryJobInFlight_MigratedOrNew()
    {
        await InsertLegacyJobsAsync(
            new LegacyJob(1, Start.AddMinutes(-10), LastPolledAt: null),               // due since 9.5 minutes
            new LegacyJob(2, Start.AddMinutes(-10), Start.AddSeconds(-45)),             // due since 15 s
            new LegacyJob(3, Start.AddMinutes(-10), Start.AddSeconds(-10)),             // due in 20 s
            new LegacyJob(4, Start.AddSeconds(-10), LastPolledAt: null));               // due in 20 s
        await InsertFinishedLegacyJobAsync(5, Start.AddMinutes(-10));
        StartApp();
        var dispatched = await DispatchNewApplicationAsync();                           // due in 30 s

        (await PollAsync()).Should().BeEquivalentTo(["legacy-job-1", "legacy-job-2"]);
        (await PollAsync()).Should().BeEmpty("the jobs just asked about are next due in 30 s");

        _clock.Advance(TimeSpan.FromSeconds(20));
        (await PollAsync()).Should().BeEquivalentTo(["legacy-job-3", "legacy-job-4"]);

        _clock.Advance(TimeSpan.FromSeconds(10));
        (await PollAsync()).Should().BeEquivalentTo(["legacy-job-1", "legacy-job-2", .. dispatched]);

        _clock.Advance(TimeSpan.FromSeconds(20));
        (await PollAsync()).Should().BeEquivalentTo(["legacy-job-3", "legacy-job-4"], "the finished job is never asked about");
    }

    [Fact]
    public async Task Poll_WithMoreJobsDueThanOneBatch_AsksAboutTheLongestOverdueFirstAndTheRestNext()
    {
        // 205 jobs, job n last asked about 31 + n seconds ago: the five asked about most recently do not fit the batch of 200.
        var jobs = Enumerable.Range(1, 205).Select(n => new LegacyJob(n, Start.AddHours(-1), Start.AddSeconds(-31 - n))).ToArray();
        await InsertLegacyJobsAsync(jobs);
        StartApp();

        var first = await PollAsync();
        var second = await PollAsync();

        first.Should().HaveCount(200).And.BeEquivalentTo(jobs.Skip(5).Select(j => j.JobId));
        second.Should().BeEquivalentTo(jobs.Take(5).Select(j => j.JobId));
        (await PollAsync()).Should().BeEmpty();
    }

    private void StartApp()
    {
        _app = new AppBackendFactory(
            _database.Provider,
            _database.ConnectionString,
            new Dictionary<string, string?>
            {
                ["AI_BACKEND_URL"] = _peer.Url.ToString(),
                ["Analysis:PollAfter"] = "00:00:30",
                ["Analysis:PollInterval"] = "00:00:30",
            },
            testServices: services => services.AddSingleton<TimeProvider>(_clock));
        _app.StartServer();
    }

    /// <summary>One tick of the poller, as the monitor worker runs it; the jobs it asked the AI backend about.</summary>
    private async Task<List<string>> PollAsync()
    {
        var before = AskedJobs().Count;
        await using var scope = _app!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().Actor = Actors.Poller;
        var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PollAnalysisJobsCommand());
        var asked = AskedJobs().Skip(before).ToList();
        report.Asked.Should().Be(asked.Count);
        return asked;
    }

    private List<string> AskedJobs() =>
        [.. _peer.Requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/v1/analysis/video/", StringComparison.Ordinal))
            .Select(r => r.Path["/v1/analysis/video/".Length..])];

    /// <summary>A submitted application dispatched now by this version (the peer names its jobs <c>job-{videoId}</c>).</summary>
    private async Task<List<string>> DispatchNewApplicationAsync()
    {
        var recruiter = _app!.CreateClient();
        recruiter.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Recruiter());
        var (_, applicationId) = await PipelineSteps.SubmitAsync(recruiter, 2);
        await using var scope = _app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DispatchApplicationCommand($"{applicationId}-1"));
        outcome.Value.Should().Be(DispatchOutcome.Dispatched);
        var application = await PipelineSteps.GetApplicationAsync(recruiter, applicationId);
        return [.. application.GetProperty("videoResponses").EnumerateArray().Select(v => v.GetProperty("jobId").GetString()!)];
    }

    private AppDbContext Context() => kind == DatabaseKind.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(_database.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_database.ConnectionString).Options);

    /// <summary>Applications in flight written before <c>NextPollAt</c> existed: one processing video each.</summary>
    private async Task InsertLegacyJobsAsync(params LegacyJob[] jobs)
    {
        await using var db = Context();
        var videos = $"""
            INSERT INTO video_responses ("Id","QuestionId","Url","IsStoredUpload","Status","JobId","DispatchedAt","LastPolledAt","AlertedAt",
                "OverallScore","AiAnalysisId","ApplicationId","Takes")
            VALUES {string.Join(",\n", jobs.Select(j =>
                $"('{VideoId(j.Number)}', '{QuestionId}', 'https://videos.example.com/{j.Number}.mp4', FALSE, 'Processing', '{j.JobId}', " +
                $"{At(j.DispatchedAt)}, {(j.LastPolledAt is { } polled ? At(polled) : "NULL")}, NULL, NULL, NULL, '{ApplicationId(j.Number)}', 1)"))}
            """;
        await db.Database.ExecuteSqlRawAsync(ApplicationsSql("AwaitingAiAnalysis", jobs.Select(j => j.Number)));
        await db.Database.ExecuteSqlRawAsync(videos);
    }

    /// <summary>A completed application from before the migration: its video is done and is never polled.</summary>
    private async Task InsertFinishedLegacyJobAsync(int number, DateTimeOffset dispatchedAt)
    {
        await using var db = Context();
        var video = $"""
            INSERT INTO video_responses ("Id","QuestionId","Url","IsStoredUpload","Status","JobId","DispatchedAt","LastPolledAt","AlertedAt",
                "OverallScore","AiAnalysisId","ApplicationId","Takes")
            VALUES ('{VideoId(number)}', '{QuestionId}', 'https://videos.example.com/{number}.mp4', FALSE, 'Done', 'legacy-job-{number}',
                {At(dispatchedAt)}, NULL, NULL, 80, 'ai-{number}', '{ApplicationId(number)}', 1)
            """;
        await db.Database.ExecuteSqlRawAsync(ApplicationsSql("Completed", [number]));
        await db.Database.ExecuteSqlRawAsync(video);
    }

    private string ApplicationsSql(string status, IEnumerable<int> numbers) => $"""
        INSERT INTO job_applications ("Id","InterviewId","OrganizationId","OwnerId","Status","AllowRetry","FailureReason","LatestAiAnalysisId",
            "OverallScore","DispatchAttempt","CreatedAt","UpdatedAt","CandidateCvUrl","CandidateEmail","CandidateFullName","CandidatePhone","Version")
        VALUES {string.Join(",\n", numbers.Select(n =>
            $"('{ApplicationId(n)}', '{InterviewId}', '{TestTokens.Organization}', 'cand-{n}', '{status}', FALSE, NULL, NULL, NULL, 1, " +
            $"{At(Start.AddHours(-2))}, {At(Start.AddHours(-1))}, NULL, 'cand-{n}@example.com', 'Candidate {n}', NULL, 3)"))}
        """;

    /// <summary>A timestamp as each provider stores it: <c>timestamptz</c>, or UTC ticks in SQLite.</summary>
    private string At(DateTimeOffset at) => kind == DatabaseKind.Postgres
        ? $"'{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture)}+00'"
        : at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string ApplicationId(int number) => $"0190aa000000700a{number:x16}";

    private static string VideoId(int number) => $"0190aa000000700b{number:x16}";

    private sealed record LegacyJob(int Number, DateTimeOffset DispatchedAt, DateTimeOffset? LastPolledAt)
    {
        public string JobId => $"legacy-job-{Number}";
    }
}

public sealed class SqlitePollScheduleTests() : PollScheduleTests(DatabaseKind.Sqlite);

public sealed class PostgresPollScheduleTests() : PollScheduleTests(DatabaseKind.Postgres);
