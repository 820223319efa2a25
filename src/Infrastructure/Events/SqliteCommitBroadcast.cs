using AppBackend.Application.Common.Events;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// SQLite has no channel between processes: the other process on the same file (a WebApi, for the admin tool's
/// changes) sees the log through its <see cref="EventLogWatcher"/>, and its dispatch worker the queue after its idle
/// delay. So there is nothing to send.
/// </summary>
internal sealed class SqliteCommitBroadcast : ICommitBroadcast
{
    public void Committed(IReadOnlyList<ApplicationEventEntry> entries, bool dispatchOwed)
    {
    }
}
