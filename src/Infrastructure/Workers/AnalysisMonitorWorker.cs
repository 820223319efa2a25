using AppBackend.Application.Analysis.AlertStuckJobs;
using AppBackend.Application.Analysis.DeliverAlerts;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.AnalysisBackend;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Workers;

/// <summary>
/// Every <c>Analysis:PollInterval</c>: polls silent jobs, owes alerts for stuck ones, delivers owed alerts. Each is a
/// Mediator command (the admin tool runs the same ones), each safe with several instances running it.
/// </summary>
internal sealed partial class AnalysisMonitorWorker(
    IServiceScopeFactory scopes,
    DatabaseStartup startup,
    IOptions<AnalysisOptions> options,
    IOptions<AnalysisTimingOptions> timing,
    TimeProvider clock,
    ILogger<AnalysisMonitorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorWorkerEnabled || !await startup.WaitUntilReadyAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync(new PollAnalysisJobsCommand(), stoppingToken);
            await RunAsync(new AlertStuckJobsCommand(), stoppingToken);
            await RunAsync(new DeliverAlertsCommand(), stoppingToken);
            try
            {
                await Task.Delay(timing.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync<T>(ICommand<T> command, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<ScopedRequestContext>();
            (work.RequestId, work.Actor) = (Guid.NewGuid().ToString("N"), Actors.Poller);
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, command.GetType().Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} failed; it runs again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, string command, Exception exception);
}
