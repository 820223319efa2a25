using AppBackend.Application.Common.Ports;
using AppBackend.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.Infrastructure.Events;

/// <summary>Reads one application's logged events after a version, rendered for the streams, in a scope of its own.</summary>
public sealed class ApplicationEventLogReader(IServiceScopeFactory scopes, OutgoingViewRenderer renderer) : IApplicationEventLogReader
{
    public async Task<EventsAfter> ReadAfterAsync(string applicationId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.ApplicationId == applicationId && e.Version > after)
            .OrderBy(e => e.Version)
            .Take(limit)
            .Select(e => new { e.Version, e.View })
            .ToListAsync(cancellationToken);

        var events = new List<StreamedEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Version != after + events.Count + 1 || row.View is null)
            {
                break;
            }

            events.Add(new StreamedEvent(row.Version, renderer.Render(row.View)));
        }

        return rows.Count > 0 && events.Count == 0 ? EventsAfter.Gap : new EventsAfter(events, Replayable: true);
    }
}
