using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Analysis.DispatchApplication;

/// <summary>
/// The AI backend's answers to the dispatches in flight, recorded in one unit of work: one read of their applications,
/// one of their owed records, one save, so that many dispatches cost one transaction (decision 012, as for reported
/// results). Each answer is decided as <see cref="DispatchRecorder"/> decides it alone. What the batch cannot save
/// together goes through <see cref="DispatchRecorder.RecordAsync"/>, one at a time, on a fresh read: a second answer
/// for one application (a save holds one change per application), and every answer of a save that lost to another
/// writer (a callback, another instance).
/// </summary>
public sealed class DispatchAnswerBatchRecorder(
    IJobApplicationRepository applications,
    IDispatchQueue queue,
    IUnitOfWork unitOfWork,
    DispatchRecorder recorder) : IGroupCommitHandler<AnsweredDispatch, DispatchOutcome>
{
    public async ValueTask<IReadOnlyList<DispatchOutcome>> HandleAsync(IReadOnlyList<AnsweredDispatch> items, CancellationToken cancellationToken)
    {
        var loaded = (await applications.FindManyAsync([.. items.Select(i => i.ApplicationId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        var owed = (await queue.FindManyAsync([.. items.Select(i => i.Key).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(d => d.IdempotencyKey, StringComparer.Ordinal);

        var decided = new DecidedAnswer?[items.Count];
        var applicationsDecided = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (applicationsDecided.Add(items[i].ApplicationId))
            {
                decided[i] = recorder.Decide(items[i], loaded.GetValueOrDefault(items[i].ApplicationId), owed.GetValueOrDefault(items[i].Key));
            }
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another writer saved one of these first: each is decided again alone, on a fresh read (RecordAsync's).
            Array.Clear(decided);
        }

        var outcomes = new DispatchOutcome[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (decided[i] is { } committed)
            {
                recorder.Report(items[i], committed);
                outcomes[i] = committed.Outcome;
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (decided[i] is null)
            {
                outcomes[i] = await recorder.RecordAsync(items[i], cancellationToken);
            }
        }

        return outcomes;
    }
}
