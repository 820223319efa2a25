using System.Globalization;

namespace AppBackend.Infrastructure.AnalysisBackend;

/// <summary>
/// The <c>Analysis</c> section (contract section 6) as the transport and the workers need it: retries, timeouts and
/// the dispatch worker. Polling and alert timing are <see cref="Application.Common.Options.AnalysisTimingOptions"/>.
/// </summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>Run the poller, the stuck-job alerter and the alert delivery in this instance.</summary>
    public bool MonitorWorkerEnabled { get; set; } = true;

    /// <summary>Waits between attempts of one dispatch, comma-separated (<c>00:00:01,00:00:04,00:00:16</c>).</summary>
    public string RetryDelays { get; set; } = "00:00:01,00:00:04,00:00:16";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A <c>Retry-After</c> longer than this is ignored in favour of the configured wait.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Run the background dispatch worker in this instance.</summary>
    public bool DispatchWorkerEnabled { get; set; } = true;

    /// <summary>
    /// How many dispatches one instance sends at once. A dispatch mostly waits (the database, the AI backend), so this
    /// bounds waiting, not CPU: at 4 the dispatches fell behind the submits in the benchmark (benchmarks/README.md).
    /// </summary>
    public int DispatchConcurrency { get; set; } = 32;

    /// <summary>How long a claimed dispatch stays leased; the holder renews it every third of this while it works.</summary>
    public TimeSpan DispatchLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often an idle worker looks for owed dispatches on its own: the fallback, since a submit or retry wakes it at
    /// once (in-process, and on PostgreSQL from any instance through <c>NOTIFY</c>).
    /// </summary>
    public TimeSpan DispatchIdleDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// An upper bound on one whole dispatch: every attempt connecting and running to its timeout, and every wait between
    /// attempts as long as a <c>Retry-After</c> may make it, plus one <see cref="DispatchLease"/> to spare. A lease this
    /// long covers a dispatch that nothing renews (the admin tool's).
    /// </summary>
    public TimeSpan LongestDispatch()
    {
        var delays = ParsedRetryDelays();
        var attempts = (ConnectTimeout + AttemptTimeout) * (delays.Count + 1);
        var waits = delays.Aggregate(TimeSpan.Zero, (total, delay) => total + (delay > MaxRetryAfter ? delay : MaxRetryAfter));
        return attempts + waits + DispatchLease;
    }

    public IReadOnlyList<TimeSpan> ParsedRetryDelays() =>
        [.. RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => TimeSpan.Parse(d, CultureInfo.InvariantCulture))];

    public bool RetryDelaysAreValid() =>
        RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(d => TimeSpan.TryParse(d, CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero);
}
