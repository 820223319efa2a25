using AppBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AppBackend.Infrastructure.Events;

/// <summary>Prunes the replay views of events older than <c>Events:Retention</c>; the history items themselves stay.</summary>
public sealed class ApplicationEventRetention(AppDbContext db, IOptions<EventLogOptions> options)
{
    /// <summary>Returns how many events lost their replay view.</summary>
    public Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - options.Value.Retention;
        return db.ApplicationEvents
            .Where(e => e.At < before && e.View != null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.View, (string?)null), cancellationToken);
    }
}
