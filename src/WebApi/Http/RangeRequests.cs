using Microsoft.Net.Http.Headers;

namespace AppBackend.WebApi.Http;

/// <summary>
/// The range decisions the framework's range processing gets wrong for media: whether a <c>Range</c> applies at all
/// given its <c>If-Range</c> (the framework honours an entity tag although no ETag is ever sent, and answers a
/// stale range with a bare <c>416</c>), and the one range it would answer with a bare <c>416</c> (no problem body):
/// a single, well-formed byte range that lies wholly outside the content.
/// </summary>
internal static class RangeRequests
{
    /// <summary>
    /// RFC 9110 §13.1.5: the <c>Range</c> applies without <c>If-Range</c>, or when <c>If-Range</c> is a date equal to
    /// the content's <c>Last-Modified</c> (to the second, as sent). An entity tag never matches (media carry none),
    /// nor does anything unreadable; then the whole content is served (<c>200</c>).
    /// </summary>
    public static bool RangeApplies(HttpRequest request, DateTimeOffset lastModified)
    {
        var ifRange = request.Headers.IfRange;
        if (ifRange.Count == 0)
        {
            return true;
        }

        if (ifRange.Count != 1 || !RangeConditionHeaderValue.TryParse(ifRange[0], out var condition) || condition.LastModified is not { } date)
        {
            return false;
        }

        var sent = new DateTimeOffset(lastModified.UtcTicks - (lastModified.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return date == sent;
    }

    public static bool IsUnsatisfiable(HttpRequest request, long length)
    {
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range)
            || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase)
            || range.Ranges.Count != 1)
        {
            return false;
        }

        var only = range.Ranges.Single();
        return only.From is { } from ? from >= length : only.To == 0;
    }
}
