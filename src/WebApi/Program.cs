using AppBackend.Application;
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
    .AddWorkers(builder.Configuration)
    .AddWebApi(builder.Configuration, builder.Environment);

// The same two lines as the admin tool's: the source generator reads them here. The pipeline behaviours come from AddApplication.
builder.Services.AddMediator((MediatorOptions options) =>
{
    // Handlers use the scoped DbContext.
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(SubmitApplicationCommand)];
});

var app = builder.Build();
app.UseWebApi();

// The migrations run once the server listens (DatabaseStartup): /health/live answers at once, /health/ready once they are applied.
var databaseStartup = app.Services.GetRequiredService<DatabaseStartup>();
await app.RunAsync();

// A migration that failed stopped the instance; its error is the process's, as when the migrations ran before the server.
databaseStartup.ThrowIfFailed();

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
