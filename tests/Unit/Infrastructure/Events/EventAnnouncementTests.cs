using AppBackend.Infrastructure.Events;

namespace AppBackend.UnitTests.Infrastructure.Events;

/// <summary>The payload one instance sends and every listener reads back.</summary>
public class EventAnnouncementTests
{
    [Theory]
    [InlineData("app-1", 1)]
    [InlineData("01JDQ3V9Z4E8K2M5N7P1R3T6W8", 9_876_543_210)]
    public void Payload_ReadBack_GivesTheApplicationAndVersion(string applicationId, long version)
    {
        var parsed = EventAnnouncement.TryParse(EventAnnouncement.Payload(applicationId, version), out var id, out var read);

        parsed.Should().BeTrue();
        id.Should().Be(applicationId);
        read.Should().Be(version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("app-1")]
    [InlineData(" 3")]
    [InlineData("app-1 three")]
    [InlineData("app-1 -3")]
    public void TryParse_WhenNotAnAnnouncement_ReturnsFalse(string payload) =>
        EventAnnouncement.TryParse(payload, out _, out _).Should().BeFalse();
}
