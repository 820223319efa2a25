namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The PostgreSQL <c>NOTIFY</c> channel on which an instance announces that a dispatch is owed:
/// <see cref="PostgresCommitBroadcast"/> sends it after a commit that inserted into <c>pending_dispatches</c> (a submit,
/// a retry, the admin tool's redispatch) or handed a lease back (a dispatch released on shutdown), whoever wrote it.
/// The payload is empty: a listener only learns that it is worth looking at the queue.
/// </summary>
public static class DispatchAnnouncement
{
    public const string Channel = "dispatches_owed";
}
