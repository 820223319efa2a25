using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace AppBackend.Application.Analysis.DeliverAlerts;

/// <summary>Claims each due alert (saved before posting, so instances do not both post it), posts it, and removes it once Slack took it.</summary>
public sealed class DeliverAlertsCommandHandler(
    IAlertOutbox alerts,
    IAlertSink sink,
    IUnitOfWork unitOfWork,
    IAnalysisMetrics metrics,
    IOptions<AnalysisTimingOptions> timing,
    TimeProvider clock)
    : ICommandHandler<DeliverAlertsCommand, int>
{
    private const int BatchSize = 50;
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(30);

    public async ValueTask<int> Handle(DeliverAlertsCommand command, CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var alert in await alerts.DueAsync(clock.GetUtcNow(), BatchSize, cancellationToken))
        {
            try
            {
                alert.Claim(clock.GetUtcNow(), timing.Value.AlertRetryDelay, MaxRetry);
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another instance is delivering this batch; what is left stays owed for the next run.
                unitOfWork.DiscardChanges();
                break;
            }

            if (await sink.SendAsync(alert.Text, cancellationToken))
            {
                alerts.Remove(alert);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                metrics.AlertSent();
                delivered++;
            }
        }

        return delivered;
    }
}
