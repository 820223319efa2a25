namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The change feed's memory: the versions of the applications its previous look returned. The looks overlap, so
/// most rows come back unchanged; only a row new to the window or with a higher version is a change. Holding only
/// the last window keeps this as small as the window.
/// </summary>
public sealed class SeenVersions
{
    private Dictionary<string, long> _seen = new(StringComparer.Ordinal);

    /// <summary>Takes the rows of the latest look and returns those that changed since the previous one.</summary>
    public IReadOnlyList<ApplicationVersion> Advance(IReadOnlyCollection<ApplicationVersion> window)
    {
        var changed = new List<ApplicationVersion>();
        var next = new Dictionary<string, long>(window.Count, StringComparer.Ordinal);
        foreach (var row in window)
        {
            next[row.ApplicationId] = row.Version;
            if (!_seen.TryGetValue(row.ApplicationId, out var known) || row.Version > known)
            {
                changed.Add(row);
            }
        }

        _seen = next;
        return changed;
    }

    /// <summary>Forgets everything, when the feed pauses (no subscribers) and will start a fresh window.</summary>
    public void Clear() => _seen = new(StringComparer.Ordinal);
}
