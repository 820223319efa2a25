using System.Threading.Channels;

namespace AppBackend.Application.Common.Ports;

/// <summary>One listener's notifications for one application; disposing it unsubscribes.</summary>
public interface IApplicationChangeSubscription : IDisposable
{
    string ApplicationId { get; }

    /// <summary>
    /// The versions the application reached, in increasing order. A reader that falls behind finds only the newest
    /// one waiting: it is about to read the application again anyway.
    /// </summary>
    ChannelReader<long> Versions { get; }
}
