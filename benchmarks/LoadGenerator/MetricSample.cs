using System.Globalization;
using System.Text.RegularExpressions;

namespace AppBackend.LoadGenerator;

/// <summary>One sample line of the Prometheus text at <c>/metrics</c>: its name, its labels as written, its value.</summary>
public sealed partial record MetricSample(string Name, string Labels, double Value)
{
    /// <summary>The samples of a <c>/metrics</c> reading; comments and lines that are not samples are left out.</summary>
    public static IEnumerable<MetricSample> Parse(string metrics)
    {
        foreach (var line in metrics.Split('\n'))
        {
            var sample = Sample().Match(line);
            if (sample.Success && TryParseNumber(sample.Groups["value"].Value, out var value))
            {
                yield return new MetricSample(sample.Groups["name"].Value, sample.Groups["labels"].Value, value);
            }
        }
    }

    /// <summary>The value of one label, or null when the sample has none of that name.</summary>
    public string? Label(string name)
    {
        foreach (Match label in LabelPair().Matches(Labels))
        {
            if (label.Groups["name"].Value == name)
            {
                return label.Groups["value"].Value;
            }
        }

        return null;
    }

    /// <summary>A number as Prometheus writes it, infinities included (a histogram's last <c>le</c>).</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_:][\w:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<name>\w+)=""(?<value>[^""]*)""")]
    private static partial Regex LabelPair();
}
