namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Tells this instance's dispatch worker that a dispatch has just been committed as owed, so it looks now instead of
/// after its idle delay. A hint, never the record: the owed dispatch is in the database, and a wake-up that is lost
/// (or raised in a process without a worker) costs at most the idle delay.
/// </summary>
public interface IDispatchWakeUp
{
    /// <summary>Call after the commit that made a dispatch owed (a worker woken earlier would not see it yet).</summary>
    void DispatchOwed();
}
