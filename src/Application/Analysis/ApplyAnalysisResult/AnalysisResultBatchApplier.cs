using AppBackend.Application.Common.Concurrency;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// One batch of reported results in one unit of work: one read for every job, one save for every change, so that many
/// concurrent callbacks cost one transaction. The answers are the ones <see cref="AnalysisResultApplier"/> gives one
/// by one: a save holds at most one change per application (one save, one version, one event), so a second result for
/// the same application goes in the next round. When another writer saved one of the applications first (another
/// instance, the poller), the round's changes are decided once more on a fresh read in the next round; whatever the
/// batch still cannot decide (a job it did not find, a second such conflict) goes through
/// <see cref="AnalysisResultApplier.ApplyAloneInBatchAsync"/>, one at a time, each in the logging scope of its own job.
/// </summary>
public sealed class AnalysisResultBatchApplier(
    IJobApplicationRepository applications,
    IUnitOfWork unitOfWork,
    AnalysisResultApplier applier,
    TimeProvider clock) : IGroupCommitHandler<AnalysisReport, Result<ResultApplication>>
{
    public async ValueTask<IReadOnlyList<Result<ResultApplication>>> HandleAsync(IReadOnlyList<AnalysisReport> items, CancellationToken cancellationToken)
    {
        var answers = new Result<ResultApplication>[items.Count];
        var alone = new List<int>();
        var pending = Enumerable.Range(0, items.Count).ToList();
        var conflictRetried = false;
        while (pending.Count > 0)
        {
            (pending, var conflicted) = await RoundAsync(items, pending, answers, alone, retryConflict: !conflictRetried, cancellationToken);
            conflictRetried |= conflicted;
        }

        foreach (var index in alone)
        {
            answers[index] = await applier.ApplyAloneInBatchAsync(items[index], cancellationToken);
        }

        return answers;
    }

    /// <summary>
    /// Reads the pending items' applications, applies at most one result to each, saves once; returns the items left
    /// for the next round, and whether the save lost to another writer.
    /// </summary>
    private async Task<(List<int> Later, bool Conflicted)> RoundAsync(
        IReadOnlyList<AnalysisReport> items, List<int> pending, Result<ResultApplication>[] answers, List<int> alone, bool retryConflict,
        CancellationToken cancellationToken)
    {
        unitOfWork.DiscardChanges();
        var jobIds = pending.Select(i => items[i].JobId).Distinct(StringComparer.Ordinal).ToList();
        var holders = HoldersByJobId(await applications.FindByJobIdsAsync(jobIds, cancellationToken));

        var now = clock.GetUtcNow();
        var changed = new Dictionary<JobApplication, int>(ReferenceEqualityComparer.Instance);
        var later = new List<int>();
        foreach (var index in pending)
        {
            if (!holders.TryGetValue(items[index].JobId, out var application))
            {
                alone.Add(index);
            }
            else if (changed.ContainsKey(application))
            {
                later.Add(index);
            }
            else if (application.ApplyAnalysisResult(items[index], now) is var result && result is { IsSuccess: true, Value: ResultApplication.Applied })
            {
                changed.Add(application, index);
            }
            else
            {
                answers[index] = result;
                if (result is { IsSuccess: true, Value: ResultApplication.Duplicate })
                {
                    applier.RecordDuplicate(application, items[index]);
                }
            }
        }

        if (changed.Count == 0)
        {
            return (later, false);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another writer saved one of these first: all are decided again on a fresh read, together the first time.
            unitOfWork.DiscardChanges();
            if (retryConflict)
            {
                later.AddRange(changed.Values);
                later.Sort(); // in the order they came, so one application's results are applied in that order
            }
            else
            {
                alone.AddRange(changed.Values);
            }

            return (later, true);
        }

        foreach (var (application, index) in changed)
        {
            answers[index] = ResultApplication.Applied;
            applier.RecordInBatch(application, items[index], now);
        }

        return (later, false);
    }

    /// <summary>Each job's application: the one whose video runs it now, else the one that stored its result.</summary>
    private static Dictionary<string, JobApplication> HoldersByJobId(IReadOnlyList<JobApplication> loaded)
    {
        var holders = new Dictionary<string, JobApplication>(StringComparer.Ordinal);
        foreach (var application in loaded)
        {
            foreach (var result in application.AiAnalysisResults)
            {
                holders.TryAdd(result.JobId, application);
            }
        }

        foreach (var application in loaded)
        {
            foreach (var video in application.VideoResponses)
            {
                if (video.JobId is { } jobId)
                {
                    holders[jobId] = application;
                }
            }
        }

        return holders;
    }
}
