using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// Records every log line AppBackend writes, with the properties of its scopes and its message, the way a
/// structured (JSON) sink sees them.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = new StringBuilder();
            capture._scopes.ForEachScope(
                (scope, _) =>
                {
                    text.Append(scope).Append(' ');
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            properties[key] = value?.ToString() ?? string.Empty;
                            text.Append(key).Append('=').Append(value).Append(' ');
                        }
                    }
                },
                (object?)null);
            if (state is IEnumerable<KeyValuePair<string, object?>> stateProperties)
            {
                foreach (var (key, value) in stateProperties)
                {
                    text.Append(key).Append('=').Append(value).Append(' ');
                }
            }

            var message = formatter(state, exception);
            text.Append(message).Append(' ').Append(exception);
            capture._logs.Enqueue(new CapturedLog(category, logLevel, message, properties, text.ToString()));
        }
    }
}

/// <summary>One log line: its scope properties, and everything it wrote as text (to search for secrets).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string> ScopeProperties, string AllText)
{
    public string? Scope(string name) => ScopeProperties.GetValueOrDefault(name);

    public override string ToString() => $"[{Category}] {AllText}";
}
