using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AppBackend.Application.Common.Paging;

/// <summary>
/// A keyset position in a newest-first list: the creation time and id of the last item seen.
/// Opaque on the wire (base64url), so clients cannot depend on its shape.
/// </summary>
public sealed record PageCursor(DateTimeOffset CreatedAt, string Id)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}|{Id}")));

    public static bool TryDecode(string? value, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
            var separator = text.IndexOf('|', StringComparison.Ordinal);
            if (separator <= 0
                || !long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks
                || separator == text.Length - 1
                || text.Contains('\0', StringComparison.Ordinal))
            {
                return false;
            }

            cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(separator + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Builds a page from up to <paramref name="limit"/> + 1 rows: the extra row only says another page exists.</summary>
    public static Page<TView> ToPage<TItem, TView>(
        IReadOnlyList<TItem> rows, int limit, Func<TItem, PageCursor> position, Func<TItem, TView> map)
    {
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? position(items[^1]).Encode() : null;
        return new Page<TView>([.. items.Select(map)], next);
    }
}
