namespace AppBackend.LoadGenerator;

/// <summary>
/// The WebApi's garbage collections and the time they paused it, from the runtime's own meter at <c>/metrics</c>
/// (<c>dotnet_gc_collections_total</c> by generation, each collection counted once at its own generation, and
/// <c>dotnet_gc_pause_time_seconds_total</c>): cumulative since the process started, like <see cref="GroupCommitTransactions"/>.
/// </summary>
public sealed record GcPauses(long Gen0, long Gen1, long Gen2, double PauseSeconds)
{
    public static GcPauses Parse(string metrics)
    {
        long gen0 = 0, gen1 = 0, gen2 = 0;
        double pause = 0;
        foreach (var sample in MetricSample.Parse(metrics))
        {
            switch (sample.Name, sample.Label("gc_heap_generation"))
            {
                case ("dotnet_gc_collections_total", "gen0"):
                    gen0 = (long)sample.Value;
                    break;
                case ("dotnet_gc_collections_total", "gen1"):
                    gen1 = (long)sample.Value;
                    break;
                case ("dotnet_gc_collections_total", "gen2"):
                    gen2 = (long)sample.Value;
                    break;
                case ("dotnet_gc_pause_time_seconds_total", _):
                    pause = sample.Value;
                    break;
            }
        }

        return new GcPauses(gen0, gen1, gen2, pause);
    }

    /// <summary>The collections between <paramref name="before"/> and this reading.</summary>
    public GcPauses Since(GcPauses before) => new(Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, PauseSeconds - before.PauseSeconds);

    public string Describe()
    {
        var collections = Gen0 + Gen1 + Gen2;
        var each = collections == 0 ? "" : $", {Report.Format(PauseSeconds * 1000 / collections)} ms each on average";
        return $"{collections} garbage collections (gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}) paused the WebApi {Report.Format(PauseSeconds * 1000)} ms in all{each}";
    }
}
