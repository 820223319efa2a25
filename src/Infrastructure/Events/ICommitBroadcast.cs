using AppBackend.Application.Common.Events;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// Tells the other instances sharing the database what this one has just committed: the event-log entries (for their
/// streams) and whether a dispatch became owed (for their dispatch workers). Called after the commit, never inside
/// it; a hint, never the record: whatever is lost, the log and the dispatch queue still hold.
/// </summary>
public interface ICommitBroadcast
{
    void Committed(IReadOnlyList<ApplicationEventEntry> entries, bool dispatchOwed);
}
