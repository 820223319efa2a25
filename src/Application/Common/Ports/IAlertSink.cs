namespace AppBackend.Application.Common.Ports;

/// <summary>Where operators are told about what needs a human (a Slack incoming webhook).</summary>
public interface IAlertSink
{
    /// <summary>Posts <paramref name="text"/>; false when it could not be delivered (the caller decides whether to try again).</summary>
    Task<bool> SendAsync(string text, CancellationToken cancellationToken);
}
