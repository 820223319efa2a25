using System.Globalization;
using System.Text;

namespace AppBackend.LoadGenerator;

/// <summary>One line of the results table. <see cref="Figure"/> is null when the scenario could not be measured.</summary>
public sealed record Row(string Scenario, double? Figure, string Unit, string Reference, string Ratio, string Target, bool? Met, string Note = "")
{
    /// <summary>False for a scenario this build cannot run (it then has no figure and does not count as a failure).</summary>
    public bool Measurable { get; init; } = true;

    public bool Sane => Figure is { } value && double.IsFinite(value) && value > 0;
}

public static class Report
{
    public static string Markdown(IReadOnlyList<Row> rows)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| scenario | figure | reference | ratio | target | met |");
        builder.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var figure = row.Figure is { } value ? $"{Format(value)} {row.Unit}" : "not measured";
            var met = row.Met switch { true => "yes", false => "**no**", null => "n/a" };
            var note = string.IsNullOrEmpty(row.Note) ? string.Empty : $" ({row.Note})";
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {row.Scenario} | {figure}{note} | {row.Reference} | {row.Ratio} | {row.Target} | {met} |");
        }

        return builder.ToString();
    }

    public static string Format(double value) => value switch
    {
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
