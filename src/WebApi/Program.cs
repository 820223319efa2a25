using AppBackend.Application;
using AppBackend.Application.Common.Behaviors;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Infrastructure;
using AppBackend.Infrastructure.Persistence;
using AppBackend.Infrastructure.Security;
using AppBackend.WebApi;
using AppBackend.WebApi.Observability;
using Mediator;

var builder = WebApplication.CreateBuilder(args);

// Before anything is registered, so that every weak, reused or development secret is named in one refusal.
SecretPolicy.ThrowIfUnsafe(builder.Configuration, builder.Environment);
builder.AddObservability();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddWebApi(builder.Configuration, builder.Environment);

builder.Services.AddMediator((MediatorOptions options) =>
{
    // Handlers use the scoped DbContext.
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(SubmitApplicationCommand)];
    options.PipelineBehaviors = [typeof(LoggingScopeBehavior<,>), typeof(ValidationBehavior<,>)];
});

var app = builder.Build();
app.UseWebApi();
await app.Services.MigrateDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
