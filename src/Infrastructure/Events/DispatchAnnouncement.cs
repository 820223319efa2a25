namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The PostgreSQL <c>NOTIFY</c> channel on which the database itself announces that a dispatch is owed: a trigger on
/// <c>pending_dispatches</c> (migration <c>DispatchOwedAnnouncement</c>) notifies when a row is inserted (a submit, a
/// retry, the admin tool's redispatch) or handed back (a lease released on shutdown), in the committing transaction,
/// whoever wrote it. The payload is empty: a listener only learns that it is worth looking at the queue.
/// </summary>
public static class DispatchAnnouncement
{
    public const string Channel = "dispatches_owed";
}
