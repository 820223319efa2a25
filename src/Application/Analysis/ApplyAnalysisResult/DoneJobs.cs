using AppBackend.Domain.JobApplications;

namespace AppBackend.Application.Analysis.ApplyAnalysisResult;

/// <summary>
/// The jobs this instance has seen stored as <c>done</c> (its own commit, or a read), so that a redelivery of their
/// callbacks is answered <c>duplicate</c> without a read: a done job is final for good
/// (<see cref="JobApplication.IsDoneFor"/>), whichever instance stored it, so the answer cannot go out of date. Only
/// what is committed goes in. Bounded: it keeps the newest <c>generation</c> to twice as many job ids (in two
/// generations, the older dropped whole when the newer fills up); a forgotten job is read again, as before.
/// </summary>
public sealed class DoneJobs(int generation = DoneJobs.DefaultGeneration)
{
    /// <summary>
    /// A few MB of job ids per generation. At the highest rate measured (about 2,400 results a second) one fills in
    /// about 14 s, so a redelivery within that time needs no read; at ordinary rates a generation spans hours.
    /// </summary>
    public const int DefaultGeneration = 32_768;

    private readonly Lock _gate = new();
    private HashSet<string> _newer = new(StringComparer.Ordinal);
    private HashSet<string> _older = new(StringComparer.Ordinal);

    public bool Contains(string jobId)
    {
        lock (_gate)
        {
            return _newer.Contains(jobId) || _older.Contains(jobId);
        }
    }

    /// <summary>Remembers <paramref name="jobId"/> when <paramref name="application"/>, as stored, has it done.</summary>
    public void RememberIfDone(JobApplication application, string jobId)
    {
        if (!application.IsDoneFor(jobId))
        {
            return;
        }

        lock (_gate)
        {
            if (_older.Contains(jobId) || !_newer.Add(jobId) || _newer.Count < generation)
            {
                return;
            }

            (_older, _newer) = (_newer, new HashSet<string>(StringComparer.Ordinal));
        }
    }
}
