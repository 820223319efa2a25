using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Cors;
using AppBackend.WebApi.Endpoints;
using AppBackend.WebApi.Frontend;
using AppBackend.WebApi.Http;
using AppBackend.WebApi.Observability;
using Scalar.AspNetCore;

namespace AppBackend.WebApi;

public static class WebApplicationExtensions
{
    /// <summary>
    /// The HTTP pipeline: request id first so that even failures carry it, then CORS (preflights answered before
    /// anything asks for a token), then problems, then the wait for the database's start, then routing, then auth.
    /// </summary>
    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseCrossOrigin();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // The database is migrated once the server listens; until then requests wait here (health answers at once).
        app.UseMiddleware<DatabaseStartupGate>();

        // Explicitly here, after them: a failure while selecting the endpoint is a problem with a request id too.
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        if (app.IsFrontendEnabled())
        {
            app.UseWebFrontend();
        }

        app.MapHealthEndpoints();
        app.MapMetrics();
        app.MapInterviewEndpoints();
        app.MapJobApplicationEndpoints();
        app.MapWebhookEndpoints();
        app.MapMediaEndpoints();

        if (app.Configuration.GetValue("OpenApi:Enabled", app.Environment.IsDevelopment()))
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }

        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentTokenEndpoints();
        }

        return app;
    }
}
