namespace AppBackend.Application.Common.Logging;

/// <summary>Tracks the scopes the pipeline opened in this DI scope (messages nest: a poll sends a result).</summary>
public sealed class LogContext : ILogContext
{
    private readonly Stack<LogScope> _scopes = new();

    public void Set(string name, string? value)
    {
        if (_scopes.TryPeek(out var scope))
        {
            scope.Set(name, value);
        }
    }

    internal void Push(LogScope scope) => _scopes.Push(scope);

    internal void Pop() => _scopes.TryPop(out _);
}
