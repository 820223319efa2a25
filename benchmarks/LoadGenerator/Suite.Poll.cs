using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>The poll tick scenarios: one tick, and how it grows with the jobs in flight.</summary>
public sealed partial class Suite
{
    /// <summary>
    /// The selection the poller runs each tick (<c>AnalysisJobQueries.DueForPollAsync</c>: due by <c>NextPollAt</c>,
    /// longest overdue first) and the alerter's (<c>DueForAlertAsync</c>: longest stuck first), as EF Core 10 / Npgsql
    /// translate them (captured from EF Core: the command log, or <c>ToQueryString</c>).
    /// </summary>
    public const string DueForPollSql = """
        SELECT j."Id", v0."Id", v0."JobId", v0."DispatchedAt"
        FROM job_applications AS j
        INNER JOIN (
            SELECT v."Id", v."ApplicationId", v."DispatchedAt", v."JobId", v."NextPollAt"
            FROM video_responses AS v
            WHERE v."Status" = 'Processing' AND v."NextPollAt" <= @now
        ) AS v0 ON j."Id" = v0."ApplicationId"
        ORDER BY v0."NextPollAt"
        LIMIT @p
        """;

    public const string DueForAlertSql = """
        SELECT j."Id", v0."Id", v0."JobId", v0."DispatchedAt"
        FROM job_applications AS j
        INNER JOIN (
            SELECT v."Id", v."ApplicationId", v."DispatchedAt", v."JobId"
            FROM video_responses AS v
            WHERE v."Status" = 'Processing' AND v."AlertedAt" IS NULL AND v."DispatchedAt" <= @dispatchedBefore
        ) AS v0 ON j."Id" = v0."ApplicationId"
        ORDER BY v0."DispatchedAt"
        LIMIT @p
        """;

    private async Task PollScenariosAsync()
    {
        const string Database = "bench_poll";
        await CreateDatabaseAsync(Database, TemplateDatabase);
        var seeder = new Seeder(ConnectionString(Database));
        await seeder.InterviewAsync();
        var perApp = Seeder.VideosPerApplication;

        // One instant for the whole scenario: the times are seeded relative to it and the selections run as of it, so
        // the due fraction stays the seeded one however long seeding and measuring take (with now() the rows seeded
        // first aged during the run, and more of them fell due).
        var asOf = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var anchor = $"'{asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}+00'::timestamptz";

        // Steady state: 1 % due (last asked 45 s ago), 10 % dispatched 10 s ago and never asked, 89 % asked within the last 25 s;
        // the seeder derives NextPollAt from these times as the aggregate does, so exactly the 1 % is due.
        const string Position = "((g * 4 + k) % 100)";
        var dispatchedAt = $"CASE WHEN {Position} BETWEEN 1 AND 10 THEN {anchor} - interval '10 seconds' ELSE {anchor} - interval '60 seconds' - ((g * 4 + k) % 180) * interval '1 second' END";
        var lastPolledAt = $"CASE WHEN {Position} = 0 THEN {anchor} - interval '45 seconds' WHEN {Position} BETWEEN 1 AND 10 THEN NULL ELSE {anchor} - ((g * 4 + k) % 25) * interval '1 second' END";

        var small = new TickTime(double.NaN, 0);
        var smallPlan = string.Empty;
        await Step($"poll tick: {Count(settings.InFlightSmall)} jobs in flight, 1 % due", async () =>
        {
            await seeder.InFlightAsync("p", 0, settings.InFlightSmall / perApp, dispatchedAt, lastPolledAt);
            await seeder.AnalyzeAsync();
            small = await TickDatabaseTimeAsync(ConnectionString(Database), asOf);
            smallPlan = await PlanAsync(ConnectionString(Database), asOf);
        });

        var large = new TickTime(double.NaN, 0);
        var plan = string.Empty;
        await Step($"poll tick: {Count(settings.InFlightLarge)} jobs in flight, 1 % due", async () =>
        {
            await seeder.InFlightAsync("p", settings.InFlightSmall / perApp, settings.InFlightLarge / perApp, dispatchedAt, lastPolledAt);
            await seeder.AnalyzeAsync();
            large = await TickDatabaseTimeAsync(ConnectionString(Database), asOf);
            plan = await PlanAsync(ConnectionString(Database), asOf);
        });

        // Both sizes: the growth is read from the plans (rows and buffers), not only from the timings.
        File.WriteAllText(
            Path.Combine(settings.WorkDirectory, "poll-plan.txt"),
            $"-- {Count(settings.InFlightSmall)} jobs in flight\n{smallPlan}\n\n-- {Count(settings.InFlightLarge)} jobs in flight\n{plan}");
        _rows.Add(new Row(
            $"poll tick: database time, {Count(settings.InFlightLarge)} jobs in flight, 1 % due", large.Milliseconds, "ms", "-", "-", "< 50 ms", large.Milliseconds < 50,
            "due-for-poll + due-for-alert selections, EXPLAIN ANALYZE execution time, median of 7"));
        var growth = large.Milliseconds / small.Milliseconds;
        _rows.Add(new Row(
            $"poll tick: {Count(settings.InFlightLarge)} vs {Count(settings.InFlightSmall)} in flight", growth, "×", $"{Report.Format(small.Milliseconds)} ms at {Count(settings.InFlightSmall)}",
            Ratio(growth), "< 2 ×", growth < 2,
            $"jobs read: {small.JobsRead} at {Count(settings.InFlightSmall)}, {large.JobsRead} at {Count(settings.InFlightLarge)} (1 % due, at most the tick's 200); "
            + $"per job read {Report.Format(small.PerJobMicroseconds)} and {Report.Format(large.PerJobMicroseconds)} µs, {Report.Format(large.PerJobMicroseconds / small.PerJobMicroseconds)} ×"));
    }

    /// <summary>One tick's database time, and the jobs its selections returned (the time grows with them, bounded by the LIMIT).</summary>
    private sealed record TickTime(double Milliseconds, int JobsRead)
    {
        public double PerJobMicroseconds => JobsRead == 0 ? double.NaN : Milliseconds * 1000 / JobsRead;
    }

    private static async Task<TickTime> TickDatabaseTimeAsync(string connectionString, DateTimeOffset asOf)
    {
        var samples = new List<double>();
        var jobsRead = 0;
        for (var i = 0; i < 7; i++)
        {
            var poll = await ExecutionAsync(connectionString, DueForPollSql, asOf);
            var alert = await ExecutionAsync(connectionString, DueForAlertSql, asOf);
            samples.Add(poll.Milliseconds + alert.Milliseconds);
            jobsRead = poll.JobsRead + alert.JobsRead;
        }

        return new TickTime(Median(samples), jobsRead);
    }

    /// <summary>EXPLAIN ANALYZE's execution time, and the rows of its top node (the plan's first line).</summary>
    private static async Task<TickTime> ExecutionAsync(string connectionString, string sql, DateTimeOffset asOf)
    {
        var lines = await ExplainAsync(connectionString, sql, asOf);
        var rows = ActualRows().Match(lines[0]);
        if (!rows.Success)
        {
            throw new InvalidOperationException($"EXPLAIN ANALYZE's first line gave no actual rows: {lines[0]}");
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("Execution Time:", StringComparison.Ordinal))
            {
                return new TickTime(
                    double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture),
                    int.Parse(rows.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException("EXPLAIN ANALYZE printed no execution time.");
    }

    [GeneratedRegex(@"\(actual time=\S+ rows=(\d+)")]
    private static partial Regex ActualRows();

    private static async Task<string> PlanAsync(string connectionString, DateTimeOffset asOf) =>
        string.Join('\n', await ExplainAsync(connectionString, DueForPollSql, asOf))
        + "\n\n" + string.Join('\n', await ExplainAsync(connectionString, DueForAlertSql, asOf));

    private static async Task<List<string>> ExplainAsync(string connectionString, string sql, DateTimeOffset asOf)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {sql}", connection);
        if (sql.Contains("@now", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("now", asOf);
        }
        else
        {
            command.Parameters.AddWithValue("dispatchedBefore", asOf.AddMinutes(-5));
        }

        command.Parameters.AddWithValue("p", 200);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0).Trim());
        }

        return lines;
    }
}
