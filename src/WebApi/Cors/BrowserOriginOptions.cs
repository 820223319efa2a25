namespace AppBackend.WebApi.Cors;

/// <summary>
/// The origins whose pages may call the API from a browser (<c>Cors:AllowedOrigins</c>, comma-separated, or a
/// list in JSON configuration). None unless configured; <c>*</c> is refused, since any page could then act with a
/// reader's token.
/// </summary>
public sealed class BrowserOriginOptions
{
    public const string SectionName = "Cors";
    public const string AllowedOriginsKey = "Cors:AllowedOrigins";

    /// <summary>Each origin as a browser sends it in <c>Origin</c>: scheme, host and a port only when not the default.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];

    /// <summary>The entries that are not an origin (a path, a query, <c>*</c>, no http(s) scheme), kept for the start-up check.</summary>
    public IReadOnlyList<string> Invalid { get; set; } = [];

    public static BrowserOriginOptions Parse(IEnumerable<string?> entries)
    {
        var origins = new List<string>();
        var invalid = new List<string>();
        foreach (var entry in entries.SelectMany(e => (e ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (TryNormalize(entry, out var origin))
            {
                if (!origins.Contains(origin, StringComparer.Ordinal))
                {
                    origins.Add(origin);
                }
            }
            else
            {
                invalid.Add(entry);
            }
        }

        return new BrowserOriginOptions { AllowedOrigins = origins, Invalid = invalid };
    }

    private static bool TryNormalize(string entry, out string origin)
    {
        origin = string.Empty;
        if (!Uri.TryCreate(entry.TrimEnd('/'), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0)
        {
            return false;
        }

        // Uri lower-cases the scheme and host and drops a default port, as browsers do in Origin.
        origin = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }
}
