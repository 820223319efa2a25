using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>
/// Runs every scenario against the cluster named on the command line, each against its own copy of a migrated
/// database, with the published WebApi and the simulator as child processes on loopback ports.
/// </summary>
public sealed class Suite(Settings settings) : IDisposable
{
    private const string TemplateDatabase = "bench_template";

    private readonly List<Row> _rows = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private ServerProcess? _simulator;

    private static string Stamp => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public IReadOnlyList<Row> Rows => _rows;

    public async Task RunAsync()
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        await Step("simulator + migrated template database", async () =>
        {
            _simulator = await StartSimulatorAsync();
            await CreateDatabaseAsync(TemplateDatabase, template: null);
            using var webApi = StartWebApi(TemplateDatabase, "template");
            await webApi.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        });

        await Scenario(["applied", "applied p99", "duplicate", "applied, large history"], WebhookScenariosAsync);
        await Scenario(["submitted", "events", "upload"], FlowScenariosAsync);
        await Scenario(["poll tick", "poll tick growth"], PollScenariosAsync);
        await Scenario(["cold start"], ColdStartAsync);
    }

    public void Dispose()
    {
        _simulator?.Dispose();
        _probe.Dispose();
    }

    private static async Task Step(string name, Func<Task> step)
    {
        Console.WriteLine($"[{Stamp}] {name}");
        await step();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(long n) => n >= 1_000_000 && n % 1_000_000 == 0 ? $"{n / 1_000_000}M" : n >= 1_000 && n % 1_000 == 0 ? $"{n / 1_000}k" : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs a group; when it throws, its scenarios that have no row yet are recorded as failed (no figure).</summary>
    private async Task Scenario(string[] names, Func<Task> run)
    {
        var before = _rows.Count;
        try
        {
            await run();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"[{Stamp}] scenario group {string.Join(", ", names)} failed: {ex}");
            foreach (var name in names.Skip(_rows.Count - before))
            {
                _rows.Add(new Row(name, null, string.Empty, "-", "-", "-", false, $"failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}"));
            }
        }
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(settings.PostgresBase) { Database = database }.ConnectionString;

    private async Task CreateDatabaseAsync(string name, string? template)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<ServerProcess> StartSimulatorAsync()
    {
        var port = ServerProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["AI_BACKEND_SECRET"] = Settings.BackendSecret,
            ["AI_CALLBACK_SECRET"] = Settings.CallbackSecret,
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
        var simulator = ServerProcess.Start(
            settings.Simulator, ["--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"], environment, port,
            Path.Combine(settings.WorkDirectory, "simulator.log"), settings.WorkDirectory);
        await simulator.WaitHealthyAsync(_probe, "/health", TimeSpan.FromSeconds(60));

        // Answers at once, and keeps every job running: no callback of its own competes with the measured load.
        using var content = new StringContent("{\"autoComplete\":false,\"deliverCallbacks\":false}", Encoding.UTF8, "application/json");
        using var response = await _probe.PostAsync(new Uri(simulator.BaseUrl, "/control/settings"), content);
        response.EnsureSuccessStatusCode();
        return simulator;
    }

    private ServerProcess StartWebApi(string database, string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = ServerProcess.FreePort();
        var environment = WebApiEnvironment(port);
        environment["Database__Provider"] = "postgres";
        environment["ConnectionStrings__Default"] = ConnectionString(database);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServerProcess.Start(
            settings.WebApi, [], environment, port, Path.Combine(settings.WorkDirectory, $"webapi-{name}.log"), Path.GetDirectoryName(settings.WebApi)!);
    }

    private Dictionary<string, string> WebApiEnvironment(int port) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        ["Auth__SigningKey"] = Settings.SigningKey,
        ["AI_BACKEND_URL"] = _simulator?.BaseUrl.ToString() ?? "http://127.0.0.1:9",
        ["AI_BACKEND_SECRET"] = Settings.BackendSecret,
        ["AI_CALLBACK_SECRET"] = Settings.CallbackSecret,
        ["PUBLIC_BASE_URL"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        ["Media__SigningKey"] = Settings.MediaSigningKey,
        ["Media__Root"] = Path.Combine(settings.WorkDirectory, "media"),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static HttpClient LoadClient(Uri baseUrl, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    // ---------------------------------------------------------------- webhook: applied, duplicate, history growth

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
            await seeder.InFlightAsync("w", 0, 500);
            await seeder.InFlightAsync("f", 0, settings.FreshJobs / perApp);
            await seeder.AnalyzeAsync();
        });

        // The poller is off here: with it on, it would only ask the simulator about the seeded jobs after 30 s,
        // which is noise, not the webhook's cost.
        using var webApi = StartWebApi(Database, "hooks", new Dictionary<string, string> { ["Analysis__MonitorWorkerEnabled"] = "false" });
        await webApi.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        using var client = LoadClient(webApi.BaseUrl, settings.Connections);

        await Step("warm-up: 2,000 callbacks", async () =>
        {
            var warmUp = await CallbacksAsync(seeder, "w");
            await RunCallbacksAsync(client, warmUp, settings.Connections, TimeSpan.FromSeconds(30));
        });

        var fresh = await CallbacksAsync(seeder, "f");
        LoadResult applied = null!;
        await Step($"applied: {settings.Connections} connections, {settings.LoadDuration.TotalSeconds:0} s", async () =>
            applied = await MeasuredAsync(webApi, () => RunCallbacksAsync(client, fresh, settings.Connections, settings.LoadDuration)));
        var appliedRate = applied.Rate("applied");
        var reference = settings.PgbenchTps;
        _rows.Add(new Row(
            $"applied: distinct signed callbacks, {settings.Connections} conns ({Count(settings.HistorySmall)} results stored)",
            appliedRate, "/s", $"pgbench -N {reference:0} tps", Ratio(appliedRate / reference), "≥ 0.60 × pgbench", appliedRate >= 0.6 * reference, applied.Note("applied")));
        _rows.Add(new Row(
            "applied: p99 latency", applied.Percentile(0.99), "ms", $"p50 {Report.Format(applied.Percentile(0.50))} ms", "-", "< 25 ms", applied.Percentile(0.99) < 25));

        var again = applied.Accepted("applied");
        LoadResult duplicate = null!;
        await Step($"duplicate: the {again.Count} applied callbacks again", async () =>
            duplicate = await MeasuredAsync(webApi, () => RunCallbacksAsync(client, again, settings.Connections, settings.LoadDuration)));
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
        var lookup = await LookupPlanAsync(ConnectionString(Database), later[^1].JobId);
        LoadResult large = null!;
        await Step($"applied with {Count(settings.HistoryLarge)} results stored", async () =>
            large = await MeasuredAsync(webApi, () => RunCallbacksAsync(client, later, settings.Connections, settings.LoadDuration)));
        var largeRate = large.Rate("applied");
        var growth = largeRate / appliedRate;
        _rows.Add(new Row(
            $"applied with {Count(settings.HistoryLarge)} results stored vs {Count(settings.HistorySmall)}", largeRate, "/s", $"{appliedRate:0}/s at {Count(settings.HistorySmall)}",
            Ratio(growth), "within 20 % (0.80–1.20)", Math.Abs(growth - 1) <= 0.2, $"{large.Note("applied")}; p99 {Report.Format(large.Percentile(0.99))} ms; job lookup alone {lookup}"));
    }

    /// <summary>
    /// The first (and, for a current job, only) query of <c>JobApplicationRepository.FindByJobIdAsync</c> as EF Core
    /// translates it: EXPLAIN ANALYZE into webhook-plan.txt; returns its execution time. (It used to OR this EXISTS with
    /// the results' one, which no index could serve; see benchmarks/README.md, finding 1.)
    /// </summary>
    private async Task<string> LookupPlanAsync(string connectionString, string jobId)
    {
        const string Sql = """
            SELECT j0."Id", j0."Version", a0."JobId", v0."Id", v0."Status"
            FROM (
                SELECT j."Id", j."Version"
                FROM job_applications AS j
                WHERE EXISTS (
                    SELECT 1
                    FROM video_responses AS v
                    WHERE j."Id" = v."ApplicationId" AND v."JobId" = @jobId)
                LIMIT 1
            ) AS j0
            LEFT JOIN ai_analysis_results AS a0 ON j0."Id" = a0."ApplicationId"
            LEFT JOIN video_responses AS v0 ON j0."Id" = v0."ApplicationId"
            ORDER BY j0."Id", a0."JobId"
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {Sql}", connection);
        command.Parameters.AddWithValue("jobId", jobId);
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        await File.WriteAllTextAsync(Path.Combine(settings.WorkDirectory, "webhook-plan.txt"), $"FindByJobIdAsync for {jobId}:\n{Sql}\n\n{string.Join('\n', lines)}\n");
        var time = lines.FirstOrDefault(l => l.StartsWith("Execution Time:", StringComparison.Ordinal));
        return time is null ? "n/a" : time.Replace("Execution Time: ", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Runs a load and records the CPU the WebApi process and the load generator itself used meanwhile.</summary>
    private static async Task<LoadResult> MeasuredAsync(ServerProcess webApi, Func<Task<LoadResult>> load)
    {
        var webApiBefore = webApi.CpuSeconds();
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var result = await load();
        result.WebApiCpuSeconds = webApi.CpuSeconds() - webApiBefore;
        result.LoadGeneratorCpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - selfBefore;
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

    // ---------------------------------------------------------------- submit, event streams, upload probe

    private async Task FlowScenariosAsync()
    {
        const string Database = "bench_flow";
        await CreateDatabaseAsync(Database, TemplateDatabase);
        var seeder = new Seeder(ConnectionString(Database));
        await Step($"seed: {settings.Submissions} + 50 warm-up draft applications with {Seeder.VideosPerApplication} videos each", async () =>
        {
            await seeder.InterviewAsync();
            await seeder.DraftsAsync("dw", 0, 50);
            await seeder.DraftsAsync("d", 0, settings.Submissions);
            await seeder.DraftsAsync("u", 0, 1);
            await seeder.AnalyzeAsync();
        });

        using var webApi = StartWebApi(Database, "flow");
        await webApi.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        var token = Jwt.Mint(Settings.SigningKey, "recruiter-bench", "recruiter", TimeSpan.FromHours(1), Jwt.Organization);
        using var client = LoadClient(webApi.BaseUrl, settings.Connections);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await Step("warm-up: 50 submissions", async () => await SubmitAllAsync(client, seeder, "dw", TimeSpan.FromSeconds(60)));

        (double Rate, string Note) submitted = (double.NaN, "not run");
        await Step($"submitted: {settings.Submissions} applications until awaiting_ai_analysis", async () =>
            submitted = await SubmitAllAsync(client, seeder, "d", TimeSpan.FromSeconds(settings.Quick ? 30 : 120)));
        _rows.Add(new Row(
            "submitted → awaiting_ai_analysis (simulator answers at once)", submitted.Rate, "/s", $"pgbench -N {settings.PgbenchTps:0} tps",
            Ratio(submitted.Rate / settings.PgbenchTps), "≥ 0.30 × pgbench", submitted.Rate >= 0.3 * settings.PgbenchTps, submitted.Note));

        await Step($"events: {settings.Streams} open streams on one application, one change", async () => await EventStreamsAsync(webApi, seeder, token));
        await Step($"upload: one {settings.UploadMegabytes} MB video, streamed as multipart, against cp", async () => await UploadAsync(webApi, seeder, token));
    }

    private static async Task<(double Rate, string Note)> SubmitAllAsync(HttpClient client, Seeder seeder, string tag, TimeSpan timeout)
    {
        var ids = await TaggedApplicationsAsync(seeder, tag);
        var idList = string.Join(",", ids.Select(id => $"'{id}'"));
        var next = -1;
        var refused = 0;
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
        long awaiting = 0;
        long failed = 0;
        while (clock.Elapsed < timeout)
        {
            awaiting = await seeder.CountAsync($"SELECT count(*) FROM job_applications WHERE \"Status\" = 'AwaitingAiAnalysis' AND \"Id\" IN ({idList})");
            failed = await seeder.CountAsync($"SELECT count(*) FROM job_applications WHERE \"Status\" = 'DispatchFailed' AND \"Id\" IN ({idList})");
            if (awaiting + failed >= ids.Count - refused)
            {
                break;
            }

            await Task.Delay(20);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (awaiting / seconds, $"{awaiting}/{ids.Count} awaiting in {seconds:0.0} s; all submits answered in {submitSeconds:0.0} s; {refused} refused, {failed} dispatch_failed");
    }

    /// <summary>Seeded applications of one kind: the seeder writes the kind into the candidate's e-mail.</summary>
    private static async Task<List<string>> TaggedApplicationsAsync(Seeder seeder, string tag) =>
        [.. (await seeder.RowsAsync($"SELECT \"Id\" FROM job_applications WHERE \"CandidateEmail\" LIKE '{tag}-%@example.com' ORDER BY \"Id\"")).Select(r => r[0])];

    private async Task EventStreamsAsync(ServerProcess webApi, Seeder seeder, string token)
    {
        var target = (await seeder.RowsAsync(
            "SELECT a.\"Id\", v.\"Id\", v.\"JobId\" FROM job_applications a JOIN video_responses v ON v.\"ApplicationId\" = a.\"Id\" " +
            "WHERE a.\"Status\" = 'AwaitingAiAnalysis' AND v.\"Status\" = 'Processing' ORDER BY a.\"Id\" LIMIT 1")).Single();
        var before = webApi.Memory();
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false })
        {
            BaseAddress = webApi.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var opened = new CountdownEvent(settings.Streams);
        var secondEvents = new TimeSpan?[settings.Streams];
        var readers = Enumerable.Range(0, settings.Streams).Select(async i =>
        {
            var signalled = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{target[0]}/events");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await streams.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
                using var reader = new StreamReader(body);
                var events = 0;
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (!line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    events++;
                    if (events == 1)
                    {
                        signalled = true;
                        opened.Signal();
                    }
                    else
                    {
                        secondEvents[i] = clock.Elapsed;
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                Console.Error.WriteLine($"stream {i}: {ex.Message}");
            }
            finally
            {
                if (!signalled)
                {
                    opened.Signal();
                }
            }
        }).ToList();

        if (!opened.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"only {settings.Streams - opened.CurrentCount} of {settings.Streams} streams sent their first event within 60 s");
        }

        var openSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(500);
        var open = webApi.Memory();

        var callback = SignedCallback.Done(target[2], target[1], Settings.CallbackSecret);
        using var hook = LoadClient(webApi.BaseUrl, 1);
        var sent = clock.Elapsed;
        using (var request = callback.ToRequest())
        using (var response = await hook.SendAsync(request))
        {
            response.EnsureSuccessStatusCode();
        }

        var all = Task.WhenAll(readers);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60)));
        var after = webApi.Memory();
        await stop.CancelAsync();
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10)));

        var reached = secondEvents.Where(t => t is not null).Select(t => (t!.Value - sent).TotalMilliseconds).ToList();
        var rss = Math.Max(open.Rss, after.Rss);
        _rows.Add(new Row(
            $"events: RSS with {settings.Streams} open streams", rss, "MB", $"{before.Rss:0} MB before", "-", "< 250 MB", rss < 250,
            $"opened in {openSeconds:0.0} s; VmHWM {after.Hwm:0} MB"));
        var slowest = reached.Count == settings.Streams ? reached.Max() : double.NaN;
        _rows.Add(new Row(
            $"events: one change reaches all {settings.Streams} open streams", reached.Count == settings.Streams ? slowest : null, "ms",
            reached.Count > 0 ? $"first {reached.Min():0} ms, median {Median(reached):0} ms" : "-", "-", "< 1000 ms",
            reached.Count == settings.Streams && slowest < 1000, $"{reached.Count}/{settings.Streams} streams got it within 60 s"));
    }

    /// <summary>
    /// Streams one generated MP4 (an <c>ftyp</c> box, then filler) through the multipart form, sampling the WebApi's
    /// RSS every 20 ms, and compares the throughput with <c>cp</c> of the same file on the same disk.
    /// </summary>
    private async Task UploadAsync(ServerProcess webApi, Seeder seeder, string token)
    {
        const string Scenario = "upload of a video: throughput vs cp";
        var draft = (await TaggedApplicationsAsync(seeder, "u")).Single();
        var bytes = settings.UploadMegabytes * 1024L * 1024L;
        var path = Path.Combine(settings.WorkDirectory, "upload.mp4");
        await WriteVideoAsync(path, bytes);
        var copySeconds = await CopySecondsAsync(path, path + ".copy");
        File.Delete(path + ".copy");

        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = webApi.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var file = File.OpenRead(path);
        var part = new StreamContent(file, 1024 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        using var form = new MultipartFormDataContent { { new StringContent(Seeder.QuestionId(0)), "questionId" }, { part, "file", "answer.mp4" } };

        var before = webApi.Memory().Rss;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, webApi.Memory().Rss);
                await Task.Delay(20, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"/api/applications/{draft}/video-responses", form);
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        File.Delete(path);

        if (response.StatusCode != HttpStatusCode.Created)
        {
            _rows.Add(new Row(Scenario, null, string.Empty, "cp on the same disk", "-", "≥ 50 % of cp", null,
                $"not measured: the upload answered {(int)response.StatusCode}") { Measurable = false });
            return;
        }

        var megabytes = bytes / (1024.0 * 1024.0);
        var uploadRate = megabytes / uploadSeconds;
        var copyRate = megabytes / copySeconds;
        var growth = peak - before;
        _rows.Add(new Row(
            Scenario, uploadRate, "MB/s", $"cp {copyRate:0} MB/s", Ratio(uploadRate / copyRate), "≥ 0.50 × cp", uploadRate >= 0.5 * copyRate,
            $"{megabytes:0} MB in {uploadSeconds:0.0} s; cp {copySeconds:0.0} s"));
        _rows.Add(new Row(
            "upload of a video: WebApi peak RSS while streaming", peak, "MB", $"{before:0} MB before", "-", "growth < 50 MB", growth < 50,
            $"growth {growth:0.0} MB while {megabytes:0} MB streamed through"));
    }

    private static async Task WriteVideoAsync(string path, long length)
    {
        byte[] ftyp = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
            (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        var chunk = new byte[1024 * 1024];
        new Random(7).NextBytes(chunk);
        await using var stream = File.Create(path);
        await stream.WriteAsync(ftyp);
        for (var written = (long)ftyp.Length; written < length; written += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - written)));
        }
    }

    private static async Task<double> CopySecondsAsync(string from, string to)
    {
        var clock = Stopwatch.StartNew();
        using var cp = Process.Start(new ProcessStartInfo("cp", [from, to]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("cp could not be started.");
        await cp.WaitForExitAsync();
        return cp.ExitCode == 0 ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"cp exited with {cp.ExitCode}.");
    }

    // ---------------------------------------------------------------- poll tick

    /// <summary>
    /// The selection the poller runs each tick (<c>AnalysisJobQueries.DueForPollAsync</c>) and the alerter's
    /// (<c>DueForAlertAsync</c>), as EF Core 10 / Npgsql translate them (captured from the EF command log).
    /// </summary>
    public const string DueForPollSql = """
        SELECT j."Id", v0."Id", v0."JobId", v0."DispatchedAt"
        FROM job_applications AS j
        INNER JOIN (
            SELECT v."Id", v."ApplicationId", v."DispatchedAt", v."JobId"
            FROM video_responses AS v
            WHERE v."Status" = 'Processing' AND v."DispatchedAt" <= @dispatchedBefore AND (v."LastPolledAt" IS NULL OR v."LastPolledAt" <= @polledBefore)
        ) AS v0 ON j."Id" = v0."ApplicationId"
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
        LIMIT @p
        """;

    private async Task PollScenariosAsync()
    {
        const string Database = "bench_poll";
        await CreateDatabaseAsync(Database, TemplateDatabase);
        var seeder = new Seeder(ConnectionString(Database));
        await seeder.InterviewAsync();
        var perApp = Seeder.VideosPerApplication;

        // Steady state: 1 % due (last asked 45 s ago), 10 % dispatched 10 s ago and never asked, 89 % asked within the last 25 s.
        const string Position = "((g * 4 + k) % 100)";
        const string DispatchedAt = $"CASE WHEN {Position} BETWEEN 1 AND 10 THEN now() - interval '10 seconds' ELSE now() - interval '60 seconds' - ((g * 4 + k) % 180) * interval '1 second' END";
        const string LastPolledAt = $"CASE WHEN {Position} = 0 THEN now() - interval '45 seconds' WHEN {Position} BETWEEN 1 AND 10 THEN NULL ELSE now() - ((g * 4 + k) % 25) * interval '1 second' END";

        var small = double.NaN;
        await Step($"poll tick: {Count(settings.InFlightSmall)} jobs in flight, 1 % due", async () =>
        {
            await seeder.InFlightAsync("p", 0, settings.InFlightSmall / perApp, DispatchedAt, LastPolledAt);
            await seeder.AnalyzeAsync();
            small = await TickDatabaseTimeAsync(ConnectionString(Database));
        });

        var large = double.NaN;
        string plan = string.Empty;
        await Step($"poll tick: {Count(settings.InFlightLarge)} jobs in flight, 1 % due", async () =>
        {
            await seeder.InFlightAsync("p", settings.InFlightSmall / perApp, settings.InFlightLarge / perApp, DispatchedAt, LastPolledAt);
            await seeder.AnalyzeAsync();
            large = await TickDatabaseTimeAsync(ConnectionString(Database));
            plan = await PlanAsync(ConnectionString(Database));
        });

        File.WriteAllText(Path.Combine(settings.WorkDirectory, "poll-plan.txt"), plan);
        _rows.Add(new Row(
            $"poll tick: database time, {Count(settings.InFlightLarge)} jobs in flight, 1 % due", large, "ms", "-", "-", "< 50 ms", large < 50,
            "due-for-poll + due-for-alert selections, EXPLAIN ANALYZE execution time, median of 7"));
        _rows.Add(new Row(
            $"poll tick: {Count(settings.InFlightLarge)} vs {Count(settings.InFlightSmall)} in flight", large / small, "×", $"{Report.Format(small)} ms at {Count(settings.InFlightSmall)}",
            Ratio(large / small), "< 2 ×", large / small < 2));
    }

    private static async Task<double> TickDatabaseTimeAsync(string connectionString)
    {
        var samples = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            samples.Add(await ExecutionTimeAsync(connectionString, DueForPollSql) + await ExecutionTimeAsync(connectionString, DueForAlertSql));
        }

        return Median(samples);
    }

    private static async Task<double> ExecutionTimeAsync(string connectionString, string sql)
    {
        foreach (var line in await ExplainAsync(connectionString, sql, analyze: true))
        {
            if (line.StartsWith("Execution Time:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("EXPLAIN ANALYZE printed no execution time.");
    }

    private static async Task<string> PlanAsync(string connectionString) =>
        string.Join('\n', await ExplainAsync(connectionString, DueForPollSql, analyze: true))
        + "\n\n" + string.Join('\n', await ExplainAsync(connectionString, DueForAlertSql, analyze: true));

    private static async Task<List<string>> ExplainAsync(string connectionString, string sql, bool analyze)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN ({(analyze ? "ANALYZE, BUFFERS" : "COSTS")}) {sql}", connection);
        var now = DateTimeOffset.UtcNow;
        command.Parameters.AddWithValue("dispatchedBefore", sql.Contains("AlertedAt", StringComparison.Ordinal) ? now.AddMinutes(-5) : now.AddSeconds(-30));
        if (sql.Contains("@polledBefore", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("polledBefore", now.AddSeconds(-30));
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

    // ---------------------------------------------------------------- cold start

    private async Task ColdStartAsync()
    {
        var directory = Path.Combine(settings.WorkDirectory, "cold");
        Directory.CreateDirectory(directory);
        var port = ServerProcess.FreePort();
        var environment = WebApiEnvironment(port);
        environment["Database__Provider"] = "sqlite";
        environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory, "cold.db")}";

        // The first start creates and migrates the database; the timed starts find it migrated.
        using (var first = ServerProcess.Start(settings.WebApi, [], environment, port, Path.Combine(settings.WorkDirectory, "webapi-cold.log"), directory))
        {
            await first.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        }

        var samples = new List<double>();
        var cpu = new List<double>();
        await Step($"cold start: {settings.ColdStarts} starts of the published WebApi to /health/live (SQLite, migrated)", async () =>
        {
            for (var i = 0; i < settings.ColdStarts; i++)
            {
                using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
                var clock = Stopwatch.StartNew();
                using var process = ServerProcess.Start(settings.WebApi, [], environment, port, Path.Combine(settings.WorkDirectory, "webapi-cold.log"), directory);
                await process.WaitHealthyAsync(probe, "/health/live", TimeSpan.FromSeconds(30));
                samples.Add(clock.Elapsed.TotalSeconds);
                cpu.Add(process.CpuSeconds());
            }
        });
        var median = Median(samples);
        _rows.Add(new Row(
            "cold start: published WebApi to /health/live (SQLite, migrated)", median, "s", "-", "-", "< 1.5 s", median < 1.5,
            $"median of {samples.Count}: {string.Join(", ", samples.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s; "
            + $"CPU used by then, median {Median(cpu):0.00} s"));
    }

    private sealed record Sample(SignedCallback Call, string Outcome, double Milliseconds);

    private sealed class LoadResult(List<Sample> samples, TimeSpan elapsed)
    {
        public double WebApiCpuSeconds { get; set; } = double.NaN;

        public double LoadGeneratorCpuSeconds { get; set; } = double.NaN;

        public double Rate(string outcome) => samples.Count(s => s.Outcome == outcome) / elapsed.TotalSeconds;

        public List<SignedCallback> Accepted(string outcome) => [.. samples.Where(s => s.Outcome == outcome).Select(s => s.Call)];

        public double Percentile(double p)
        {
            var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        }

        public string Note(string expected)
        {
            var others = samples.Where(s => s.Outcome != expected).GroupBy(s => s.Outcome).Select(g => $"{g.Count()} {g.Key}");
            var text = $"{samples.Count(s => s.Outcome == expected)} {expected} in {elapsed.TotalSeconds:0.0} s";
            var rest = string.Join(", ", others);
            if (rest.Length > 0)
            {
                text = $"{text}; {rest}";
            }

            if (double.IsFinite(WebApiCpuSeconds) && samples.Count > 0)
            {
                text += $"; WebApi CPU {WebApiCpuSeconds * 1000 / samples.Count:0.0} ms/request ({WebApiCpuSeconds / elapsed.TotalSeconds:0.00} cores), load generator {LoadGeneratorCpuSeconds / elapsed.TotalSeconds:0.00} cores";
            }

            return text;
        }
    }
}
