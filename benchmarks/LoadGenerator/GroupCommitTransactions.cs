namespace AppBackend.LoadGenerator;

/// <summary>
/// The WebApi's group-commit histograms for one kind of item, as <c>/metrics</c> exports them
/// (<c>appbackend_group_commit_duration_seconds</c>, <c>appbackend_group_commit_items</c>): cumulative since the
/// process started, so a window's transactions are the difference of two readings.
/// </summary>
public sealed record GroupCommitTransactions(long Count, double Items, IReadOnlyList<(double UpperBound, long Cumulative)> DurationBuckets)
{
    public static GroupCommitTransactions Parse(string metrics, string kind)
    {
        long count = 0;
        double items = 0;
        var buckets = new List<(double, long)>();
        foreach (var sample in MetricSample.Parse(metrics).Where(s => s.Label("kind") == kind))
        {
            switch (sample.Name)
            {
                case "appbackend_group_commit_duration_seconds_bucket" when MetricSample.TryParseNumber(sample.Label("le") ?? "", out var bound):
                    buckets.Add((bound, (long)sample.Value));
                    break;
                case "appbackend_group_commit_duration_seconds_count":
                    count = (long)sample.Value;
                    break;
                case "appbackend_group_commit_items_sum":
                    items = sample.Value;
                    break;
            }
        }

        return new GroupCommitTransactions(count, items, [.. buckets.OrderBy(b => b.Item1)]);
    }

    /// <summary>The transactions between <paramref name="before"/> and this reading.</summary>
    public GroupCommitTransactions Since(GroupCommitTransactions before) => new(
        Count - before.Count,
        Items - before.Items,
        [.. DurationBuckets.Select(b => (b.UpperBound, b.Cumulative - (before.DurationBuckets.FirstOrDefault(o => o.UpperBound == b.UpperBound).Cumulative)))]);

    /// <summary>A quantile of the transactions' time in ms, read linearly inside its bucket (so as fine as the buckets).</summary>
    public double QuantileMilliseconds(double quantile)
    {
        var rank = quantile * Count;
        var lower = 0.0;
        long below = 0;
        foreach (var (upper, cumulative) in DurationBuckets)
        {
            if (cumulative >= rank && cumulative > below)
            {
                var top = double.IsPositiveInfinity(upper) ? lower : upper;
                return (lower + ((top - lower) * (rank - below) / (cumulative - below))) * 1000;
            }

            (lower, below) = (upper, cumulative);
        }

        return double.NaN;
    }

    public string Describe() => Count == 0
        ? "no group-commit transaction measured"
        : $"{Count} group-commit transactions, {Items / Count:0.0} items each, p50 {Report.Format(QuantileMilliseconds(0.5))} ms and p99 {Report.Format(QuantileMilliseconds(0.99))} ms each (/metrics)";
}
