namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>A pipeline whose first instance serves the API only (no dispatch worker); each test starts the dispatching instances it needs.</summary>
public abstract class ApiOnlyPipelineFixture(DatabaseKind kind) : PipelineFixture(kind)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Analysis:DispatchWorkerEnabled"] = "false",
    };
}
