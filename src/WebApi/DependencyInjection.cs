using AppBackend.Application.Common.Security;
using AppBackend.Application.Common.Serialization;
using AppBackend.WebApi.Auth;
using AppBackend.WebApi.Cors;
using AppBackend.WebApi.Endpoints;
using AppBackend.WebApi.Events;
using AppBackend.WebApi.Http;
using AppBackend.WebApi.Transport;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace AppBackend.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddLargeTransportBuffers();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddApiAuthentication(configuration, environment);
        services.AddCrossOrigin(configuration);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= Details.For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Binding failures (malformed JSON, a bad query value) become exceptions the handler above turns into problems.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            ViewJson.Configure(options.SerializerOptions);

            // The web defaults read "120" as 120; a number sent as a string is a malformed body (400) instead.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        // SIGTERM: the event streams end and dispatches in flight are handed back at once; whatever still runs after
        // this is cut off, so that an instance always exits within 10 s of the signal (what orchestrators wait for).
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(8));

        services.AddOptions<EventStreamOptions>()
            .Bind(configuration.GetSection(EventStreamOptions.SectionName))
            .Validate(o => o.KeepAliveInterval > TimeSpan.Zero, "Events:KeepAliveInterval must be positive.")
            .ValidateOnStart();

        services.AddOpenApi(options => options.AddSchemaTransformer(HistoryOpenApi.ListEventTypes).AddSchemaTransformer<InputBoundsSchemaTransformer>().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AppBackend API";
            document.Info.Description =
                "The frontend API of the video-interview platform (contract section 1) and the AI backend webhook. " +
                "Every error is an RFC 9457 problem; problem types are URNs of the form urn:appbackend:problem:{code}. " +
                "Numbers are JSON numbers: a number sent as a string (\"durationSeconds\": \"120\") is refused with 400. " +
                "Outside Development a refused token gets a bare 'WWW-Authenticate: Bearer', without the reason.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
