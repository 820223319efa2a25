using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Frontend;

/// <summary>An AppBackend on SQLite whose web root is a temp folder holding a stand-in of the built frontend.</summary>
public abstract class FrontendFixture : ApiFixture, IDisposable
{
    protected FrontendFixture() : base(DatabaseKind.Sqlite)
    {
        WebRoot = Directory.CreateTempSubdirectory("appbackend-webroot-").FullName;
        Directory.CreateDirectory(Path.Combine(WebRoot, "assets"));
        File.WriteAllText(Path.Combine(WebRoot, "index.html"), $"<!doctype html><title>{EnabledFrontendFixture.Marker}</title>");
        File.WriteAllText(Path.Combine(WebRoot, "assets", "index-abc123.js"), "console.log('frontend');");
    }

    protected string WebRoot { get; }

    public void Dispose()
    {
        Directory.Delete(WebRoot, recursive: true);
        GC.SuppressFinalize(this);
    }
}
