using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// The database's part of a start, after the server's rather than before it: the pending migrations are applied
/// (<c>Database:MigrateOnStartup</c>) once Kestrel listens, so <c>/health/live</c> answers as soon as the process does,
/// a long migration is not mistaken for a dead process, and the migration's CPU does not slow the server's start.
/// Until it is done the instance is not ready (<c>/health/ready</c> 503), requests wait for it and the workers have
/// not begun. A migration that fails stops the instance, and the process ends with its error
/// (<see cref="ThrowIfFailed"/>), as when it ran before the server.
/// </summary>
public sealed partial class DatabaseStartup(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DatabaseStartup> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    /// <summary>Whether the database is migrated (or migrating is left to someone else) and the instance may use it.</summary>
    public bool IsReady => _outcome.Task is { IsCompletedSuccessfully: true, Result: true };

    /// <summary>Waits until the database is ready; false when its start failed or the instance stops first.</summary>
    public async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _outcome.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>After the host has stopped: the migration's error, when that is why it stopped.</summary>
    public void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Once the server listens: the migration's CPU (EF building its model, the first queries) then does not
            // compete with the server's start on the instance's cores.
            await ServerStartedAsync(stoppingToken);
            await services.MigrateDatabaseAsync(stoppingToken);
            _outcome.TrySetResult(true);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _outcome.TrySetResult(false);
        }
        catch (Exception ex)
        {
            _failure = ex;
            LogFailed(logger, ex);
            _outcome.TrySetResult(false);
            lifetime.StopApplication();
        }
    }

    private async Task ServerStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migrating the database at start failed; the instance stops")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
