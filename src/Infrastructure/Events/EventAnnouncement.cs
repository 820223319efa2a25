using System.Globalization;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// The PostgreSQL <c>NOTIFY</c> channel of the event log and its payload, <c>{applicationId} {version}</c> (ids hold no
/// space): <see cref="PostgresCommitBroadcast"/> sends one for every entry an instance committed, after the commit.
/// </summary>
public static class EventAnnouncement
{
    public const string Channel = "application_events";

    public static string Payload(string applicationId, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{applicationId} {version}");

    public static bool TryParse(string payload, out string applicationId, out long version)
    {
        var space = payload.LastIndexOf(' ');
        applicationId = space > 0 ? payload[..space] : string.Empty;
        version = 0;
        return space > 0 && long.TryParse(payload.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
