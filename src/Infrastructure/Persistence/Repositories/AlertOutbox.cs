using AppBackend.Application.Common.Alerts;
using AppBackend.Application.Common.Ports;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Repositories;

internal sealed class AlertOutbox(AppDbContext db) : IAlertOutbox
{
    public void Add(PendingAlert alert) => db.PendingAlerts.Add(alert);

    public void Remove(PendingAlert alert) => db.PendingAlerts.Remove(alert);

    public async Task<IReadOnlyList<PendingAlert>> DueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken) =>
        await db.PendingAlerts.Where(a => a.DueAt <= now).OrderBy(a => a.DueAt).Take(take).ToListAsync(cancellationToken);
}
