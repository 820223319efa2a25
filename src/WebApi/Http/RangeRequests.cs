using Microsoft.Net.Http.Headers;

namespace AppBackend.WebApi.Http;

/// <summary>
/// Spots the one range request the framework's range processing would answer with a bare <c>416</c> (no problem
/// body): a single, well-formed byte range that lies wholly outside the content. Anything else (no range, a
/// malformed or multi-part one, an <c>If-Range</c>) is left to the framework, which serves it or the whole content.
/// </summary>
internal static class RangeRequests
{
    public static bool IsUnsatisfiable(HttpRequest request, long length)
    {
        if (request.Headers.IfRange.Count > 0
            || !RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range)
            || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase)
            || range.Ranges.Count != 1)
        {
            return false;
        }

        var only = range.Ranges.Single();
        return only.From is { } from ? from >= length : only.To == 0;
    }
}
