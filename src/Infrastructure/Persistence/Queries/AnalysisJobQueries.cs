using AppBackend.Application.Common.Ports;
using AppBackend.Domain.JobApplications;
using Microsoft.EntityFrameworkCore;

namespace AppBackend.Infrastructure.Persistence.Queries;

internal sealed class AnalysisJobQueries(AppDbContext db) : IAnalysisJobQueries
{
    /// <summary>A range scan of <c>IX_video_responses_NextPollAt</c>, which holds only the jobs in flight.</summary>
    public async Task<IReadOnlyList<AnalysisJobRef>> DueForPollAsync(DateTimeOffset now, int take, CancellationToken cancellationToken) =>
        await db.JobApplications.AsNoTracking()
            .SelectMany(
                a => a.VideoResponses.Where(v => v.Status == VideoStatus.Processing && v.NextPollAt <= now),
                (a, v) => new { ApplicationId = a.Id, Video = v })
            .OrderBy(x => x.Video.NextPollAt)
            .Take(take)
            .Select(x => new AnalysisJobRef(x.ApplicationId, x.Video.Id, x.Video.JobId!, x.Video.DispatchedAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// A range scan of <c>IX_video_responses_DispatchedAt</c>, which holds only the jobs in flight not alerted on, in
    /// its order: the longest stuck first when more are due than one tick takes.
    /// </summary>
    public async Task<IReadOnlyList<AnalysisJobRef>> DueForAlertAsync(DateTimeOffset dispatchedBefore, int take, CancellationToken cancellationToken) =>
        await db.JobApplications.AsNoTracking()
            .SelectMany(
                a => a.VideoResponses.Where(v => v.Status == VideoStatus.Processing && v.AlertedAt == null && v.DispatchedAt <= dispatchedBefore),
                (a, v) => new { ApplicationId = a.Id, Video = v })
            .OrderBy(x => x.Video.DispatchedAt)
            .Take(take)
            .Select(x => new AnalysisJobRef(x.ApplicationId, x.Video.Id, x.Video.JobId!, x.Video.DispatchedAt!.Value))
            .ToListAsync(cancellationToken);

    public Task<AnalysisJobRef?> FindInFlightAsync(string jobId, CancellationToken cancellationToken) =>
        db.JobApplications.AsNoTracking()
            .SelectMany(
                a => a.VideoResponses.Where(v => v.JobId == jobId && v.Status == VideoStatus.Processing),
                (a, v) => new AnalysisJobRef(a.Id, v.Id, v.JobId!, v.DispatchedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
}
