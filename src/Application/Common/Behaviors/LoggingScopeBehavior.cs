using AppBackend.Application.Common.Logging;
using Mediator;
using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Common.Behaviors;

/// <summary>
/// Opens a logging scope around every message with <c>requestId</c> and, where the message names them,
/// <c>applicationId</c> and <c>jobId</c>, so every line a handler (or anything it calls) writes carries them.
/// </summary>
public sealed class LoggingScopeBehavior<TMessage, TResponse>(
    ILogger<LoggingScopeBehavior<TMessage, TResponse>> logger, ILogContext logContext)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using (logContext.Open(logger, (message as IApplicationMessage)?.ApplicationId, (message as IJobMessage)?.JobId))
        {
            return await next(message, cancellationToken);
        }
    }
}
