using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class AnalysisJobQueries(AppDbContext db) : IAnalysisJobQueries
{
    public async Task<IReadOnlyList<AnalysisJobRef>> DueForPollAsync(
        DateTimeOffset dispatchedBefore, DateTimeOffset polledBefore, int take, CancellationToken cancellationToken) =>
        await db.JobApplications.AsNoTracking()
            .SelectMany(
                a => a.VideoResponses.Where(v => v.Status == VideoStatus.Processing
                    && v.DispatchedAt <= dispatchedBefore
                    && (v.LastPolledAt == null || v.LastPolledAt <= polledBefore)),
                (a, v) => new AnalysisJobRef(a.Id, v.Id, v.JobId!, v.DispatchedAt!.Value))
            .Take(take)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AnalysisJobRef>> DueForAlertAsync(DateTimeOffset dispatchedBefore, int take, CancellationToken cancellationToken) =>
        await db.JobApplications.AsNoTracking()
            .SelectMany(
                a => a.VideoResponses.Where(v => v.Status == VideoStatus.Processing && v.AlertedAt == null && v.DispatchedAt <= dispatchedBefore),
                (a, v) => new AnalysisJobRef(a.Id, v.Id, v.JobId!, v.DispatchedAt!.Value))
            .Take(take)
            .ToListAsync(cancellationToken);

    public Task<AnalysisJobRef?> FindInFlightAsync(string jobId, CancellationToken cancellationToken) =>
        db.JobApplications.AsNoTracking()
            .SelectMany(
                a => a.VideoResponses.Where(v => v.JobId == jobId && v.Status == VideoStatus.Processing),
                (a, v) => new AnalysisJobRef(a.Id, v.Id, v.JobId!, v.DispatchedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
}
