using System.Diagnostics.Metrics;

namespace AppBackend.Infrastructure.Observability;

/// <summary>
/// Each group commit's transactions, by the kind of item (<c>kind</c>, the item's type name): how many items one
/// carried, and how long it took from the scope's start to the commit. A caller waits at most for two of them (the
/// one in flight when it arrived, then its own), so their spread is what a webhook's tail latency is made of.
/// </summary>
public sealed class GroupCommitMetrics
{
    private readonly Histogram<int> _items;
    private readonly Histogram<double> _duration;

    public GroupCommitMetrics(IMeterFactory meters)
    {
        // The factory hands out one meter per name, shared with AnalysisMetrics and disposed with the factory.
        var meter = meters.Create(AnalysisMetrics.MeterName);
        _items = meter.CreateHistogram<int>(
            "appbackend_group_commit_items",
            description: "Items one group-commit transaction carried.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
        _duration = meter.CreateHistogram<double>(
            "appbackend_group_commit_duration",
            unit: "s",
            description: "Time of one group-commit transaction, from its scope's start to its commit.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 0.5, 1],
            });
    }

    public void Committed(string kind, int items, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _items.Record(items, tag);
        _duration.Record(duration.TotalSeconds, tag);
    }
}
