using System.Text.Json;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class ApplicationEventQueries(AppDbContext db) : IApplicationEventQueries
{
    public async Task<IReadOnlyList<ApplicationHistoryItemView>> HistoryAsync(string applicationId, CancellationToken cancellationToken)
    {
        var rows = await db.ApplicationEvents.AsNoTracking()
            .Where(e => e.ApplicationId == applicationId)
            .OrderBy(e => e.Version)
            .Select(e => new { e.Version, e.At, e.Type, e.Status, e.Actor, e.Details })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ApplicationHistoryItemView(r.Version, r.At, r.Type, r.Status, r.Actor, Parse(r.Details)))];
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
