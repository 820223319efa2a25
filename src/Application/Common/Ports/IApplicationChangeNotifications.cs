namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Tells a listener that an application (or one of its videos) changed, wherever the change was made: any
/// AppBackend instance sharing the database. A notification is a hint to read the application again, not its
/// state; several changes close together may arrive as one.
/// </summary>
public interface IApplicationChangeNotifications
{
    /// <summary>
    /// Starts listening to one application. Subscribe before reading the current state, so that no change made
    /// in between is missed; dispose the subscription to stop.
    /// </summary>
    IApplicationChangeSubscription Subscribe(string applicationId);
}
