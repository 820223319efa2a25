using Microsoft.Extensions.Logging;

namespace AppBackend.Admin.Composition;

/// <summary>
/// Writes log lines to the tool's stderr (whatever writer the caller gave), one line each. Exceptions are written in
/// full only when <c>--verbose</c> asked for it.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer, bool includeExceptions) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{Label(level)}: {category}: {message}";
        lock (_gate)
        {
            writer.WriteLine(line);
            if (exception is not null && includeExceptions)
            {
                writer.WriteLine(exception.ToString());
            }
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class Logger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
