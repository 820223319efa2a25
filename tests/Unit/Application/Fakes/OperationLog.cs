namespace AppBackend.UnitTests.Application.Fakes;

/// <summary>What the fakes of one test were asked to do, in order, so a test can check the order of effects.</summary>
internal sealed class OperationLog
{
    public List<string> Entries { get; } = [];

    public void Add(string entry) => Entries.Add(entry);
}
