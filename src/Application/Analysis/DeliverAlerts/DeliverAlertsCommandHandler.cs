using AppBackend.Application.Common.Concurrency;
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
    OptimisticUpdate update,
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
            // Claimed on what was just loaded; losing the claim means another instance is delivering this batch, so
            // what is left stays owed for the next run.
            var claimed = await update.FirstWriterWinsAsync(
                _ =>
                {
                    alert.Claim(clock.GetUtcNow(), timing.Value.AlertRetryDelay, MaxRetry);
                    return ValueTask.FromResult(Decision.Save(true));
                },
                lost: false,
                cancellationToken,
                readFresh: false);
            if (!claimed)
            {
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
