using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>The flow scenarios: submitted applications, then the event streams and the upload probe on the same WebApi.</summary>
public sealed partial class Suite
{
    private async Task FlowScenariosAsync()
    {
        const string Database = "bench_flow";
        await CreateDatabaseAsync(Database, TemplateDatabase);
        var seeder = new Seeder(ConnectionString(Database));
        await Step($"seed: {settings.Submissions} + {settings.WarmUpSubmissions} warm-up draft applications with {Seeder.VideosPerApplication} videos each", async () =>
        {
            await seeder.InterviewAsync();
            await seeder.DraftsAsync("dw", 0, settings.WarmUpSubmissions);
            await seeder.DraftsAsync("d", 0, settings.Submissions);
            await seeder.DraftsAsync("u", 0, 1);
            await seeder.AnalyzeAsync();
        });

        using var webApi = StartWebApi(Database, "flow");
        await webApi.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        var token = Jwt.Mint(Settings.SigningKey, "recruiter-bench", "recruiter", TimeSpan.FromHours(1), Jwt.Organization);
        using var client = LoadClient(webApi.BaseUrl, settings.Connections);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var cpu = new SubmitCpu(webApi, _simulator!, await ClusterCpu.OfAsync(seeder));
        await Step($"warm-up: {settings.WarmUpSubmissions} submissions", async () => await SubmitAllAsync(client, seeder, cpu, "dw", TimeSpan.FromSeconds(180)));

        (double Rate, string Note) submitted = (double.NaN, "not run");
        await Step($"submitted: {settings.Submissions} applications until awaiting_ai_analysis", async () =>
            submitted = await SubmitAllAsync(client, seeder, cpu, "d", TimeSpan.FromSeconds(settings.Quick ? 30 : 120)));
        _rows.Add(new Row(
            "submitted → awaiting_ai_analysis (simulator answers at once)", submitted.Rate, "/s", $"pgbench -N {settings.PgbenchTps:0} tps",
            Ratio(submitted.Rate / settings.PgbenchTps), "≥ 0.30 × pgbench", submitted.Rate >= 0.3 * settings.PgbenchTps, submitted.Note));

        await Step($"events: {settings.Streams} open streams on one application, one change", async () => await EventStreamsAsync(webApi, seeder, token));
        await Step($"upload: one {settings.UploadMegabytes} MB video, streamed as multipart, against cp", async () => await UploadAsync(webApi, seeder, token));
    }

    /// <summary>
    /// Submits every application of kind <paramref name="tag"/> and waits until all are dispatched (or failed). The note
    /// gives the CPU each application cost (submit and dispatch together) in the WebApi, the simulator and the whole
    /// PostgreSQL cluster, and the writing transactions and WAL bytes per application: figures that depend much less on
    /// other work on the machine than the rate does.
    /// </summary>
    private static async Task<(double Rate, string Note)> SubmitAllAsync(HttpClient client, Seeder seeder, SubmitCpu cpu, string tag, TimeSpan timeout)
    {
        var ids = await TaggedApplicationsAsync(seeder, tag);
        var idList = string.Join(",", ids.Select(id => $"'{id}'"));
        var next = -1;
        var refused = 0;
        var before = cpu.Read();
        var databaseBefore = await DatabaseWork.ReadAsync(seeder);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= ids.Count)
                {
                    return;
                }

                using var response = await client.PostAsync($"/api/applications/{ids[index]}/submit", content: null);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        });
        await Task.WhenAll(workers);
        var submitSeconds = clock.Elapsed.TotalSeconds;
        while (clock.Elapsed < timeout)
        {
            // A look counts the owed dispatches left. The answer that makes an application awaiting_ai_analysis (or
            // dispatch_failed) deletes its owed record in the same transaction, and the table holds only what is in
            // flight (the warm-up's are done), so a look costs a small fraction of a millisecond of the cluster's CPU,
            // where reading the 2,000 applications' statuses cost 8.5 ms (benchmarks/README.md, finding 21).
            if ((await seeder.RowsAsync("SELECT count(*) FROM pending_dispatches"))[0][0] == "0")
            {
                break;
            }

            await Task.Delay(20);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var used = cpu.Read() - before;
        var databaseAfter = await DatabaseWork.ReadAsync(seeder);
        var counts = (await seeder.RowsAsync(
            $"SELECT count(*) FILTER (WHERE \"Status\" = 'AwaitingAiAnalysis'), count(*) FILTER (WHERE \"Status\" = 'DispatchFailed') FROM job_applications WHERE \"Id\" IN ({idList})"))[0];
        var awaiting = long.Parse(counts[0], CultureInfo.InvariantCulture);
        var failed = long.Parse(counts[1], CultureInfo.InvariantCulture);
        var finished = Math.Max(1, awaiting + failed);
        var perApplication = 1000.0 / finished;

        var (writingTransactions, walWritten, _) = databaseAfter.Since(databaseBefore);
        var writes = writingTransactions / (double)finished;
        var walBytes = walWritten / (double)finished;
        return (awaiting / seconds, string.Create(
            CultureInfo.InvariantCulture,
            $"{awaiting}/{ids.Count} awaiting in {seconds:0.0} s; all submits answered in {submitSeconds:0.0} s; {refused} refused, {failed} dispatch_failed; " +
            $"CPU per application: WebApi {used.WebApi * perApplication:0.00} ms, simulator {used.Simulator * perApplication:0.00} ms, PostgreSQL {used.Database * perApplication:0.00} ms; " +
            $"per application {writes:0.0} writing transactions, {walBytes / 1024:0.0} KiB of WAL"));
    }

    /// <summary>The CPU seconds used so far by the three processes an application's submit and dispatch run through.</summary>
    private sealed class SubmitCpu(ServerProcess webApi, ServerProcess simulator, ClusterCpu database)
    {
        public Used Read() => new(webApi.CpuSeconds(), simulator.CpuSeconds(), database.Seconds());

        public readonly record struct Used(double WebApi, double Simulator, double Database)
        {
            public static Used operator -(Used a, Used b) => new(a.WebApi - b.WebApi, a.Simulator - b.Simulator, a.Database - b.Database);
        }
    }

    /// <summary>Seeded applications of one kind: the seeder writes the kind into the candidate's e-mail.</summary>
    private static async Task<List<string>> TaggedApplicationsAsync(Seeder seeder, string tag) =>
        [.. (await seeder.RowsAsync($"SELECT \"Id\" FROM job_applications WHERE \"CandidateEmail\" LIKE '{tag}-%@example.com' ORDER BY \"Id\"")).Select(r => r[0])];
}
