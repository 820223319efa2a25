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
public sealed partial class Suite(Settings settings) : IDisposable
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

        await Scenario("webhooks", ["applied", "applied p99", "duplicate", "applied, large history"], WebhookScenariosAsync);
        await Scenario("flow", ["submitted", "events", "upload"], FlowScenariosAsync);
        await Scenario("poll", ["poll tick", "poll tick growth"], PollScenariosAsync);
        await Scenario("coldstart", ["cold start"], ColdStartAsync);
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
    private async Task Scenario(string group, string[] names, Func<Task> run)
    {
        if (!settings.Runs(group))
        {
            return;
        }

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

    /// <summary>
    /// What the WebApi is started with; <c>APPBACKEND_BENCH_WEBAPI_</c><i>NAME</i>=<i>value</i> in the suite's own
    /// environment adds <i>NAME</i>=<i>value</i> (to compare a runtime or configuration setting in otherwise equal runs).
    /// </summary>
    private Dictionary<string, string> WebApiEnvironment(int port)
    {
        var environment = BaseWebApiEnvironment(port);
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value ?? string.Empty)))
        {
            if (name.StartsWith(ExtraWebApiVariable, StringComparison.Ordinal))
            {
                environment[name[ExtraWebApiVariable.Length..]] = value;
            }
        }

        return environment;
    }

    private const string ExtraWebApiVariable = "APPBACKEND_BENCH_WEBAPI_";

    private Dictionary<string, string> BaseWebApiEnvironment(int port) => new()
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

    private sealed record Sample(SignedCallback Call, string Outcome, double Milliseconds);

    private sealed class LoadResult(List<Sample> samples, TimeSpan elapsed)
    {
        public double WebApiCpuSeconds { get; set; } = double.NaN;

        public double LoadGeneratorCpuSeconds { get; set; } = double.NaN;

        public double DatabaseCpuSeconds { get; set; } = double.NaN;

        public long WritingTransactions { get; set; }

        public long WalBytes { get; set; }

        /// <summary>Autovacuum and autoanalyze runs that finished during the load.</summary>
        public long AutoMaintenanceRuns { get; set; }

        public TimeSpan Elapsed => elapsed;

        public int Count(string outcome) => samples.Count(s => s.Outcome == outcome);

        public double Rate(string outcome) => Count(outcome) / elapsed.TotalSeconds;

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
                if (double.IsFinite(DatabaseCpuSeconds))
                {
                    text += $"; PostgreSQL CPU {DatabaseCpuSeconds * 1000 / samples.Count:0.00} ms/request ({DatabaseCpuSeconds / elapsed.TotalSeconds:0.00} cores), " +
                        $"{WritingTransactions / (double)samples.Count:0.000} writing transactions and {WalBytes / 1024.0 / samples.Count:0.0} KiB of WAL per request, " +
                        $"{AutoMaintenanceRuns} autovacuum/autoanalyze runs finished meanwhile";
                }
            }

            return text;
        }
    }
}
