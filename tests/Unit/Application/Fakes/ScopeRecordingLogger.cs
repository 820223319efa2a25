using Microsoft.Extensions.Logging;

namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>Records each line with the properties of the scopes open when it was written (innermost last wins).</summary>
public sealed class ScopeRecordingLogger<T> : ILogger<T>
{
    private readonly List<object> _open = [];

    public List<(string Message, IReadOnlyDictionary<string, object?> Scope)> Lines { get; } = [];

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        _open.Add(state);
        return new Closing(this, state);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pairs in _open.OfType<IEnumerable<KeyValuePair<string, object?>>>())
        {
            foreach (var (key, value) in pairs)
            {
                scope[key] = value;
            }
        }

        Lines.Add((formatter(state, exception), scope));
    }

    private sealed class Closing(ScopeRecordingLogger<T> logger, object state) : IDisposable
    {
        public void Dispose() => logger._open.Remove(state);
    }
}
