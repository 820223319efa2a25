namespace AppBackend.IntegrationTests.Frontend;

/// <summary>Testing environment, Frontend:Enabled not set.</summary>
public sealed class DisabledFrontendFixture : FrontendFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["webroot"] = WebRoot };
}
