using AppBackend.Infrastructure.Events;

namespace AppBackend.UnitTests.Infrastructure.Events;

public class SeenVersionsTests
{
    private readonly SeenVersions _seen = new();

    [Fact]
    public void Advance_OnTheFirstLook_ReportsEveryRow()
    {
        var changed = _seen.Advance([new("a", 1), new("b", 4)]);

        changed.Should().Equal(new ApplicationVersion("a", 1), new ApplicationVersion("b", 4));
    }

    [Fact]
    public void Advance_WhenTheOverlapReturnsARowUnchanged_DoesNotReportItAgain()
    {
        _seen.Advance([new("a", 1), new("b", 4)]);

        var changed = _seen.Advance([new("a", 1), new("b", 5), new("c", 0)]);

        changed.Should().Equal(new ApplicationVersion("b", 5), new ApplicationVersion("c", 0));
    }

    [Fact]
    public void Advance_WhenARowLeftTheWindowAndComesBackChanged_ReportsIt()
    {
        _seen.Advance([new("a", 1)]);
        _seen.Advance([new("b", 1)]);

        var changed = _seen.Advance([new("a", 2)]);

        changed.Should().Equal(new ApplicationVersion("a", 2));
    }

    [Fact]
    public void Clear_ForgetsWhatWasSeen()
    {
        _seen.Advance([new("a", 1)]);

        _seen.Clear();

        _seen.Advance([new("a", 1)]).Should().Equal(new ApplicationVersion("a", 1));
    }
}
