using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AppBackend.Admin.Cli;

/// <summary>
/// Durations on the command line: <c>30s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c>, <c>250ms</c>, combinations such as
/// <c>1h30m</c>, or a TimeSpan such as <c>00:10:00</c>. A bare number is refused (seconds? days?).
/// </summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var match = UnitsPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        try
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unit = part.Value.TrimStart("0123456789.".ToCharArray());
                var amount = double.Parse(part.Value[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                duration += unit switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    "h" => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        return true;
    }

    /// <summary>An option taking a duration; <paramref name="positive"/> refuses zero.</summary>
    public static Option<TimeSpan?> Option(string name, string description, bool positive = false) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result => Parse(result, positive),
    };

    private static TimeSpan? Parse(ArgumentResult result, bool positive)
    {
        var text = result.Tokens.Count == 0 ? null : result.Tokens[0].Value;
        if (!TryParse(text, out var duration) || (positive && duration <= TimeSpan.Zero))
        {
            result.AddError(
                $"'{text}' is not a{(positive ? " positive" : string.Empty)} duration: write it as 30s, 10m, 2h, 1d (or 1h30m), or as a TimeSpan such as 00:10:00.");
            return null;
        }

        return duration;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();
}
