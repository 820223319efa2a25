using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Cors;

/// <summary>AppBackend with two frontend origins allowed, one written with a trailing slash and upper case.</summary>
public sealed class CorsApiFixture() : ApiFixture(DatabaseKind.Sqlite)
{
    public const string Frontend = "https://frontend.example.com";
    public const string LocalFrontend = "http://127.0.0.1:5173";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins"] = "HTTPS://Frontend.example.com/ , http://127.0.0.1:5173",
    };
}
