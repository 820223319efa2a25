namespace AppBackend.Application.Common.Ports;

/// <summary>
/// The application event log as live readers (the event streams) take it: every committed change of an application is
/// one event, in version order, whichever instance or process committed it. Subscribers of one application share
/// one read and one rendering of each new event per instance.
/// </summary>
public interface IApplicationEventFeed
{
    /// <summary>
    /// Starts listening to one application. Subscribe before reading the current state, so that no change committed
    /// in between is missed; dispose the subscription to stop.
    /// </summary>
    IApplicationEventSubscription Subscribe(string applicationId);
}
