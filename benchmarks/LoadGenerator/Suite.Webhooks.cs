using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>The webhook scenarios: applied, duplicate, and applied with a large history.</summary>
public sealed partial class Suite
{
    private async Task WebhookScenariosAsync()
    {
        const string Database = "bench_hooks";
        await CreateDatabaseAsync(Database, TemplateDatabase);
        var seeder = new Seeder(ConnectionString(Database));
        var perApp = Seeder.VideosPerApplication;
        await Step($"seed: interview, {Count(settings.HistorySmall)} finished results, {Count(settings.FreshJobs)} + warm-up in-flight jobs", async () =>
        {
            await seeder.InterviewAsync();
            await seeder.CompletedAsync("h", 0, settings.HistorySmall / perApp);
            await seeder.InFlightAsync("w", 0, settings.WarmUpJobs / perApp);
            await seeder.InFlightAsync("f", 0, settings.FreshJobs / perApp);
            await seeder.AnalyzeAsync();
        });

        // The poller is off here: with it on, it would only ask the simulator about the seeded jobs after 30 s,
        // which is noise, not the webhook's cost. /metrics is open, for the group commit's and the GC's own figures.
        using var webApi = StartWebApi(Database, "hooks", new Dictionary<string, string>
        {
            ["Analysis__MonitorWorkerEnabled"] = "false",
            ["Metrics__AllowAnonymous"] = "true",
        });
        await webApi.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        using var client = LoadClient(webApi.BaseUrl, settings.Connections);

        await Step($"warm-up: {Count(settings.WarmUpJobs)} callbacks, then the same again", async () =>
        {
            var warmUp = await CallbacksAsync(seeder, "w");
            await RunCallbacksAsync(client, warmUp, settings.Connections, TimeSpan.FromSeconds(60));
            await RunCallbacksAsync(client, warmUp, settings.Connections, TimeSpan.FromSeconds(30));
        });

        var fresh = await CallbacksAsync(seeder, "f");
        LoadResult applied = null!;
        GroupCommitTransactions appliedCommits = null!;
        GcPauses appliedGc = null!;
        await Step($"applied: {settings.Connections} connections, {settings.LoadDuration.TotalSeconds:0} s", async () =>
            (applied, appliedCommits, appliedGc) = await WithWebApiMetricsAsync(
                webApi, () => MeasuredAsync(webApi, seeder, () => RunCallbacksAsync(client, fresh, settings.Connections, settings.LoadDuration))));
        var appliedRate = applied.Rate("applied");
        var reference = settings.PgbenchTps;
        _rows.Add(new Row(
            $"applied: distinct signed callbacks, {settings.Connections} conns ({Count(settings.HistorySmall)} results stored)",
            appliedRate, "/s", $"pgbench -N {reference:0} tps", Ratio(appliedRate / reference), "≥ 0.60 × pgbench", appliedRate >= 0.6 * reference, applied.Note("applied")));
        _rows.Add(new Row(
            "applied: p99 latency", applied.Percentile(0.99), "ms", $"p50 {Report.Format(applied.Percentile(0.50))} ms", "-", "< 25 ms", applied.Percentile(0.99) < 25,
            $"{appliedCommits.Describe()}; {appliedGc.Describe()}"));
        var cpuPerApplied = applied.WebApiCpuSeconds * 1000 / applied.Count("applied");
        _rows.Add(new Row(
            "applied: WebApi CPU per applied callback", cpuPerApplied, "ms", $"{applied.WebApiCpuSeconds / applied.Elapsed.TotalSeconds:0.00} cores", "-", "≤ 0.4 ms",
            cpuPerApplied <= 0.4));

        var again = applied.Accepted("applied");
        LoadResult duplicate = null!;
        await Step($"duplicate: the {again.Count} applied callbacks again", async () =>
            duplicate = await MeasuredAsync(webApi, seeder, () => RunCallbacksAsync(client, again, settings.Connections, settings.LoadDuration)));
        var duplicateRate = duplicate.Rate("duplicate");
        _rows.Add(new Row(
            "duplicate: the same callbacks again (no write)", duplicateRate, "/s", $"applied {appliedRate:0}/s", Ratio(duplicateRate / appliedRate), "≥ 3 × applied",
            duplicateRate >= 3 * appliedRate, duplicate.Note("duplicate")));

        await Step($"seed: grow history to {Count(settings.HistoryLarge)} finished results, {Count(settings.FreshJobs)} new in-flight jobs", async () =>
        {
            await seeder.CompletedAsync("h", settings.HistorySmall / perApp, settings.HistoryLarge / perApp);
            await seeder.InFlightAsync("g", 0, settings.FreshJobs / perApp);
            await seeder.AnalyzeAsync();
        });

        var later = await CallbacksAsync(seeder, "g");
        var lookup = await LookupPlanAsync(ConnectionString(Database), [.. later.TakeLast(settings.Connections).Select(c => c.JobId)]);
        LoadResult large = null!;
        GroupCommitTransactions largeCommits = null!;
        GcPauses largeGc = null!;
        await Step($"applied with {Count(settings.HistoryLarge)} results stored", async () =>
            (large, largeCommits, largeGc) = await WithWebApiMetricsAsync(
                webApi, () => MeasuredAsync(webApi, seeder, () => RunCallbacksAsync(client, later, settings.Connections, settings.LoadDuration))));
        var largeRate = large.Rate("applied");
        var growth = largeRate / appliedRate;
        _rows.Add(new Row(
            $"applied with {Count(settings.HistoryLarge)} results stored vs {Count(settings.HistorySmall)}", largeRate, "/s", $"{appliedRate:0}/s at {Count(settings.HistorySmall)}",
            Ratio(growth), "within 20 % (0.80–1.20)", Math.Abs(growth - 1) <= 0.2, $"{large.Note("applied")}; p99 {Report.Format(large.Percentile(0.99))} ms; {largeCommits.Describe()}; {largeGc.Describe()}; batch lookup of {settings.Connections} jobs alone {lookup}"));
    }

    /// <summary>
    /// A load, and what the WebApi's <c>/metrics</c> counted meanwhile: the group-commit transactions of results
    /// (<c>AnalysisReport</c>), of which a callback waits for at most two, and the garbage collections that paused it.
    /// </summary>
    private async Task<(LoadResult Load, GroupCommitTransactions Commits, GcPauses Gc)> WithWebApiMetricsAsync(ServerProcess webApi, Func<Task<LoadResult>> load)
    {
        const string Kind = "AnalysisReport";
        var before = await _probe.GetStringAsync(new Uri(webApi.BaseUrl, "/metrics"));
        var result = await load();
        var after = await _probe.GetStringAsync(new Uri(webApi.BaseUrl, "/metrics"));
        return (result,
            GroupCommitTransactions.Parse(after, Kind).Since(GroupCommitTransactions.Parse(before, Kind)),
            GcPauses.Parse(after).Since(GcPauses.Parse(before)));
    }

    /// <summary>
    /// The group commit's read (<c>JobApplicationRepository.FindByJobIdsAsync</c>, its first and, for current jobs,
    /// only query) for one batch of <see cref="Settings.Connections"/> jobs, as EF Core translates it: EXPLAIN ANALYZE
    /// into webhook-plan.txt; returns its execution time. (It once ORed this EXISTS with the results' one, which no
    /// index could serve; see benchmarks/README.md, finding 1.)
    /// </summary>
    private async Task<string> LookupPlanAsync(string connectionString, IReadOnlyList<string> jobIds)
    {
        const string Sql = """
            SELECT j."Id", j."Version", a."JobId", v0."Id", v0."Status"
            FROM job_applications AS j
            LEFT JOIN ai_analysis_results AS a ON j."Id" = a."ApplicationId"
            LEFT JOIN video_responses AS v0 ON j."Id" = v0."ApplicationId"
            WHERE EXISTS (
                SELECT 1
                FROM video_responses AS v
                WHERE j."Id" = v."ApplicationId" AND v."JobId" IS NOT NULL AND v."JobId" = ANY (@jobIds))
            ORDER BY j."Id", a."JobId"
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {Sql}", connection);
        command.Parameters.AddWithValue("jobIds", jobIds.ToArray());
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        await File.WriteAllTextAsync(Path.Combine(settings.WorkDirectory, "webhook-plan.txt"), $"FindByJobIdsAsync for {jobIds.Count} jobs:\n{Sql}\n\n{string.Join('\n', lines)}\n");
        var time = lines.FirstOrDefault(l => l.StartsWith("Execution Time:", StringComparison.Ordinal));
        return time is null ? "n/a" : time.Replace("Execution Time: ", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a load and records the CPU the WebApi process, the whole PostgreSQL cluster and the load generator itself
    /// used meanwhile, and the database's writing transactions and WAL bytes: what each callback cost the database.
    /// </summary>
    private static async Task<LoadResult> MeasuredAsync(ServerProcess webApi, Seeder seeder, Func<Task<LoadResult>> load)
    {
        var cluster = await ClusterCpu.OfAsync(seeder);
        var databaseBefore = await DatabaseWork.ReadAsync(seeder);
        var clusterBefore = cluster.Seconds();
        var webApiBefore = webApi.CpuSeconds();
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var result = await load();
        result.WebApiCpuSeconds = webApi.CpuSeconds() - webApiBefore;
        result.LoadGeneratorCpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - selfBefore;
        result.DatabaseCpuSeconds = cluster.Seconds() - clusterBefore;
        var databaseAfter = await DatabaseWork.ReadAsync(seeder);
        (result.WritingTransactions, result.WalBytes, result.AutoMaintenanceRuns) = databaseAfter.Since(databaseBefore);
        return result;
    }

    /// <summary>The callbacks for every in-flight job of kind <paramref name="tag"/>, ordered so that one application's videos are far apart.</summary>
    private static async Task<List<SignedCallback>> CallbacksAsync(Seeder seeder, string tag)
    {
        var rows = await seeder.RowsAsync($"SELECT \"JobId\", \"Id\" FROM video_responses WHERE \"JobId\" LIKE '{tag}-%' AND \"Status\" = 'Processing'");
        return
        [
            .. rows
                .Select(r => (Parts: r[0].Split('-'), JobId: r[0], VideoId: r[1]))
                .OrderBy(r => int.Parse(r.Parts[2], CultureInfo.InvariantCulture))
                .ThenBy(r => long.Parse(r.Parts[1], CultureInfo.InvariantCulture))
                .Select(r => SignedCallback.Done(r.JobId, r.VideoId, Settings.CallbackSecret)),
        ];
    }

    private static async Task<LoadResult> RunCallbacksAsync(HttpClient client, IReadOnlyList<SignedCallback> calls, int connections, TimeSpan duration)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            var samples = new List<Sample>();
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= calls.Count)
                {
                    break;
                }

                var started = clock.Elapsed;
                string outcome;
                try
                {
                    using var request = calls[index].ToRequest();
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    outcome = response.StatusCode == HttpStatusCode.OK ? ResultOf(text) : $"http {(int)response.StatusCode}";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    outcome = ex.GetType().Name;
                }

                samples.Add(new Sample(calls[index], outcome, (clock.Elapsed - started).TotalMilliseconds));
            }

            return samples;
        }).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(s => s).ToList();
        return new LoadResult(all, clock.Elapsed);
    }

    private static string ResultOf(string json)
    {
        foreach (var result in new[] { "applied", "duplicate", "stale" })
        {
            if (json.Contains($"\"{result}\"", StringComparison.Ordinal))
            {
                return result;
            }
        }

        return "unexpected body";
    }
}
