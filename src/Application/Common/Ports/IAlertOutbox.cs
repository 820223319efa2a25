using AppBackend.Application.Common.Alerts;

namespace AppBackend.Application.Common.Ports;

/// <summary>Owed alerts; changes are saved by the unit of work.</summary>
public interface IAlertOutbox
{
    void Add(PendingAlert alert);

    void Remove(PendingAlert alert);

    /// <summary>Alerts due now, oldest first, tracked for update.</summary>
    Task<IReadOnlyList<PendingAlert>> DueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken);
}
