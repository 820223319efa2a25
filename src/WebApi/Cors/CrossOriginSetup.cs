using AppBackend.WebApi.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Cors;

/// <summary>
/// Contract section 4, browsers: a page of a configured origin may call <c>/api/**</c> and <c>/media/**</c>. The
/// token travels in <c>Authorization</c>, never in a cookie, so credentials are not allowed and no origin is a
/// wildcard. An origin not listed gets no CORS header at all, and the browser keeps the answer from its page.
/// </summary>
public static class CrossOriginSetup
{
    public const string PolicyName = "browser-frontends";

    /// <summary>What the frontend sends: its token, JSON, the event stream's resume point, its correlation id; and a media range.</summary>
    public static readonly string[] AllowedRequestHeaders =
        ["Authorization", "Content-Type", "Last-Event-ID", RequestIdMiddleware.HeaderName, "Range"];

    /// <summary>What a page may read beyond the safelisted headers: where a created resource is, the request id, a media range.</summary>
    public static readonly string[] ExposedResponseHeaders =
        ["Location", RequestIdMiddleware.HeaderName, "Content-Range", "Accept-Ranges"];

    private static readonly string[] CrossOriginPaths = ["/api", "/media"];

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BrowserOriginOptions>()
            .Configure(o =>
            {
                var section = configuration.GetSection(BrowserOriginOptions.AllowedOriginsKey);
                var parsed = BrowserOriginOptions.Parse(section.Value is not null ? [section.Value] : section.GetChildren().Select(c => c.Value));
                (o.AllowedOrigins, o.Invalid) = (parsed.AllowedOrigins, parsed.Invalid);
            })
            .Validate(
                o => o.Invalid.Count == 0,
                $"{BrowserOriginOptions.AllowedOriginsKey} must be a comma-separated list of origins such as https://app.example.com " +
                "(http or https, a host and an optional port; no path, and never '*').")
            .ValidateOnStart();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<BrowserOriginOptions>>((cors, origins) =>
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins([.. origins.Value.AllowedOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post)
                .WithHeaders(AllowedRequestHeaders)
                .WithExposedHeaders(ExposedResponseHeaders)
                .DisallowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>
    /// Before the exception handler and authentication: a preflight (which carries no token) is answered here, and
    /// the headers of an actual request are added as its response starts, so problems (401, 404, 500) carry them too.
    /// </summary>
    public static IApplicationBuilder UseCrossOrigin(this IApplicationBuilder app) =>
        app.UseWhen(IsCrossOriginPath, branch => branch.UseCors(PolicyName));

    private static bool IsCrossOriginPath(HttpContext context) =>
        Array.Exists(CrossOriginPaths, prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
