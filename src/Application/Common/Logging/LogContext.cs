using AppBackend.Application.Common.Ports;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Common.Logging;

/// <summary>Tracks the scopes opened in this DI scope (they nest: a message's, then one per job of a poll).</summary>
public sealed class LogContext(IRequestContext requestContext) : ILogContext
{
    private readonly Stack<LogScope> _scopes = new();

    public void Set(string name, string? value)
    {
        if (_scopes.TryPeek(out var scope))
        {
            scope.Set(name, value);
        }
    }

    public IDisposable Open(ILogger logger, string? applicationId, string? jobId)
    {
        var scope = new LogScope();
        scope.Set("requestId", requestContext.RequestId);
        scope.Set("applicationId", applicationId);
        scope.Set("jobId", jobId);
        var opened = logger.BeginScope(scope);
        _scopes.Push(scope);
        return new Closing(this, opened);
    }

    private sealed class Closing(LogContext context, IDisposable? opened) : IDisposable
    {
        public void Dispose()
        {
            context._scopes.TryPop(out _);
            opened?.Dispose();
        }
    }
}
