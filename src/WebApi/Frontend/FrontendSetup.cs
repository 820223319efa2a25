namespace AppBackend.WebApi.Frontend;

/// <summary>
/// The web frontend (built from <c>web/</c> into <c>wwwroot</c>) at <c>/</c>: static files, and <c>index.html</c> for
/// the frontend's own routes so that a reload or an invite link opens the right page. Nothing under <c>/api</c>,
/// <c>/media</c> or any other server route falls back to it: those keep answering their own problems.
/// </summary>
public static partial class FrontendSetup
{
    public const string EnabledKey = "Frontend:Enabled";

    /// <summary>The client-side routes (see <c>web/src/routes.ts</c>); each serves <c>index.html</c>.</summary>
    private static readonly string[] PageRoutes = ["/recruiter/{**path}", "/invite/{**path}"];

    public static bool IsFrontendEnabled(this WebApplication app) =>
        app.Configuration.GetValue(EnabledKey, app.Environment.IsDevelopment());

    public static WebApplication UseWebFrontend(this WebApplication app)
    {
        var index = app.Environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!index.Exists)
        {
            LogNotBuilt(app.Logger, app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"));
        }

        var files = new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = CacheControlFor(context.Context.Request.Path),
        };
        app.UseDefaultFiles();
        app.UseStaticFiles(files);
        foreach (var route in PageRoutes)
        {
            app.MapFallbackToFile(route, "index.html", files);
        }

        return app;
    }

    /// <summary>Vite names every asset after its content hash, so those never change; the page itself must be revalidated.</summary>
    private static string CacheControlFor(PathString path) =>
        path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Frontend:Enabled is true but the web frontend is not built (no index.html in {WebRoot}); run 'npm ci && npm run build' in web/")]
    private static partial void LogNotBuilt(ILogger logger, string webRoot);
}
