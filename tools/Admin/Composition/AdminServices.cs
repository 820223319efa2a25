using AppBackend.Application;
using AppBackend.Application.Common.Security;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Infrastructure;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppBackend.Admin.Composition;

/// <summary>
/// The tool's composition root: the WebApi's layers (<c>AddApplication</c>, with the pipeline behaviours, and
/// <c>AddInfrastructure</c>) and Mediator in a plain service provider. No host is started, and the workers are the
/// WebApi's alone (<c>AddWorkers</c>), so the tool never dispatches, polls or alerts on its own.
/// </summary>
public static class AdminServices
{
    public static ServiceProvider Build(IConfiguration configuration, IHostEnvironment environment, TextWriter log, bool verbose)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(environment);
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new TextWriterLoggerProvider(log, includeExceptions: verbose));
            logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);

            // The tool reports a failing database or AI backend itself, in one line; their own logs only with --verbose.
            if (!verbose)
            {
                logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
                logging.AddFilter("Polly", LogLevel.None);
            }
        });

        services.AddSingleton<ICurrentUser, AdminCurrentUser>();
        services.AddApplication().AddInfrastructure(configuration, environment);

        // The same two lines as the WebApi's: the source generator reads them here.
        services.AddMediator((MediatorOptions options) =>
        {
            // Handlers use the scoped DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(SubmitApplicationCommand)];
        });

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
