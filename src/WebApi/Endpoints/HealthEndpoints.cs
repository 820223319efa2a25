using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AppBackend.WebApi.Endpoints;

public static class HealthEndpoints
{
    /// <summary>Live: the process answers. Ready: and its database answers too.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
