namespace AppBackend.IntegrationTests.Frontend;

/// <summary>Frontend:Enabled = true outside Development.</summary>
public sealed class EnabledFrontendFixture : FrontendFixture
{
    public const string Marker = "frontend-page-marker";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["webroot"] = WebRoot, ["Frontend:Enabled"] = "true" };
}
