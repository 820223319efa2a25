namespace AppBackend.Domain.JobApplications;

/// <summary>
/// When the poller asks the AI backend about a job that has not reported: <see cref="FirstAfter"/> after its dispatch,
/// then <see cref="Interval"/> after each time it was asked (<c>Analysis:PollAfter</c> and <c>Analysis:PollInterval</c>).
/// The aggregate keeps the next time on the video, so a poll tick reads only the jobs that are due.
/// </summary>
public sealed record PollSchedule(TimeSpan FirstAfter, TimeSpan Interval)
{
    public DateTimeOffset FirstPollAt(DateTimeOffset dispatchedAt) => dispatchedAt + FirstAfter;

    /// <summary>
    /// <see cref="Interval"/> after <paramref name="polledAt"/>, but never before the first poll was due: a job asked
    /// about early (the admin tool polls one job at once) still gets its full silence after dispatch.
    /// </summary>
    public DateTimeOffset NextPollAt(DateTimeOffset dispatchedAt, DateTimeOffset polledAt)
    {
        var next = polledAt + Interval;
        var first = FirstPollAt(dispatchedAt);
        return next > first ? next : first;
    }
}
