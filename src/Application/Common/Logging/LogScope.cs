using System.Collections;

namespace AppBackend.Application.Common.Logging;

/// <summary>
/// The state of one logging scope: name/value pairs every log line written inside it carries. A handler that
/// learns an id on the way (the application a job belongs to) adds it through <see cref="ILogContext"/>.
/// </summary>
public sealed class LogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public KeyValuePair<string, object?> this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _values[index];
            }
        }
    }

    public void Set(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            _values.RemoveAll(v => v.Key == name);
            _values.Add(new(name, value));
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        lock (_gate)
        {
            return _values.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What the plain-text console shows for the scope.</summary>
    public override string ToString() => string.Join(' ', this.Select(v => $"{v.Key}={v.Value}"));
}
