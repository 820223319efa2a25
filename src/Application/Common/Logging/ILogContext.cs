using Microsoft.Extensions.Logging;

namespace AppBackend.Application.Common.Logging;

/// <summary>The innermost logging scope of the message being handled, for ids a handler learns on the way.</summary>
public interface ILogContext
{
    void Set(string name, string? value);

    /// <summary>
    /// Opens a scope inside the current one for one item of a batch (one polled job), carrying the request id of the
    /// current scope and the item's ids; disposing it closes it.
    /// </summary>
    IDisposable Open(ILogger logger, string? applicationId, string? jobId);
}
