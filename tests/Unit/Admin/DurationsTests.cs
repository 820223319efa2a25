using AppBackend.Admin.Cli;

namespace AppBackend.UnitTests.Admin;

public class DurationsTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("250ms", 0.25)]
    [InlineData("0s", 0)]
    [InlineData("00:10:00", 600)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData(" 10m ", 600)]
    public void TryParse_AUnitOrATimeSpan_ReadsTheDuration(string text, double seconds)
    {
        Durations.TryParse(text, out var duration).Should().BeTrue();

        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("10x")]
    [InlineData("-10m")]
    [InlineData("-00:10:00")]
    [InlineData("m")]
    [InlineData("99999999999999d")]
    public void TryParse_WhenNotADuration_ReturnsFalse(string text) =>
        Durations.TryParse(text, out _).Should().BeFalse();
}
