using System.Globalization;

namespace AppBackend.LoadGenerator;

/// <summary>Command line of the suite (see benchmarks/run).</summary>
public sealed class Settings
{
    public const string CallbackSecret = "benchmark-callback-secret-0123456789-abcdefghij";
    public const string MediaSigningKey = "benchmark-media-url-signing-key-0123456789-abcdef";
    public const string BackendSecret = "benchmark-ai-backend-secret-0123456789-abcdefgh";
    public const string SigningKey = "benchmark-frontend-signing-key-0123456789-abcdef";

    public required string PostgresBase { get; init; }

    public required double PgbenchTps { get; init; }

    public required string WebApi { get; init; }

    public required string Simulator { get; init; }

    public required string WorkDirectory { get; init; }

    public required string Output { get; init; }

    public bool Quick { get; init; }

    /// <summary>The scenario groups to run (<c>--only webhooks,flow,poll,coldstart</c>); empty: all of them.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public bool Runs(string group) => Only.Count == 0 || Only.Contains(group);

    // Sizes and durations: full run, and --quick.
    public TimeSpan LoadDuration => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(20);

    public int Connections => 32;

    /// <summary>Finished results stored before the first applied run, and before the second.</summary>
    public long HistorySmall => Quick ? 1_000 : 10_000;

    public long HistoryLarge => Quick ? 10_000 : 1_000_000;

    /// <summary>Distinct in-flight jobs available to each applied run (the run stops at the duration or when they are used up).</summary>
    public long FreshJobs => Quick ? 8_000 : 60_000;

    /// <summary>
    /// Callbacks (applied, then the same again as duplicates) sent before anything is measured: enough for the JIT's
    /// tiering to reach the steady state. After 2,000 the first measured run cost twice the CPU per callback of the
    /// second; after 10,000 the tiering thread still compiled 2,500 methods during the 20 s applied run (a fifth of
    /// the WebApi's CPU; 0.46 ms per callback), after 40,000 0.40 ms.
    /// </summary>
    public long WarmUpJobs => Quick ? 2_000 : 40_000;

    public int Submissions => Quick ? 200 : 2_000;

    /// <summary>
    /// Applications submitted and dispatched before the submitted run is measured, by a WebApi that served nothing else
    /// yet: enough for tiering to reach the steady state, as for the callbacks. After 50 the measured run cost the WebApi
    /// 11.8 ms per application, after 2,000 7.3 ms (4,700 methods still compiled during the run), after 6,000 3.3–4.7 ms
    /// (still 2,100 methods compiled at tier 1 during the run), after 16,000 about 2 ms (30 of them; benchmarks/README.md,
    /// finding 21).
    /// </summary>
    public int WarmUpSubmissions => Quick ? 50 : 16_000;

    public int Streams => Quick ? 200 : 1_000;

    public long InFlightSmall => Quick ? 1_000 : 10_000;

    public long InFlightLarge => Quick ? 10_000 : 100_000;

    public int ColdStarts => Quick ? 2 : 5;

    /// <summary>The size of the uploaded video (the target is stated for 500 MB).</summary>
    public int UploadMegabytes => Quick ? 20 : 500;

    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
        }

        string Need(string key) => values.TryGetValue(key, out var value) ? value : throw new ArgumentException($"--{key} is required.");
        return new Settings
        {
            PostgresBase = Need("postgres"),
            PgbenchTps = double.Parse(Need("pgbench-tps"), CultureInfo.InvariantCulture),
            WebApi = Need("webapi"),
            Simulator = Need("simulator"),
            WorkDirectory = Need("work"),
            Output = Need("out"),
            Quick = quick,
            Only = values.TryGetValue("only", out var only)
                ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(),
        };
    }
}
