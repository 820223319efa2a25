using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Ports;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Common.Behaviors;

/// <summary>
/// Opens a logging scope around every message with <c>requestId</c> and, where the message names them,
/// <c>applicationId</c> and <c>jobId</c>, so every line a handler (or anything it calls) writes carries them.
/// </summary>
public sealed class LoggingScopeBehavior<TMessage, TResponse>(
    ILogger<LoggingScopeBehavior<TMessage, TResponse>> logger, IRequestContext requestContext, LogContext logContext)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var scope = new LogScope();
        scope.Set("requestId", requestContext.RequestId);
        scope.Set("applicationId", (message as IApplicationMessage)?.ApplicationId);
        scope.Set("jobId", (message as IJobMessage)?.JobId);
        using (logger.BeginScope(scope))
        {
            logContext.Push(scope);
            try
            {
                return await next(message, cancellationToken);
            }
            finally
            {
                logContext.Pop();
            }
        }
    }
}
