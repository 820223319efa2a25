using AppBackend.Application.Common.Options;
using AppBackend.Application.Common.Ports;
using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Persistence;
using AppBackend.Infrastructure.Persistence.Queries;
using AppBackend.Infrastructure.Persistence.Repositories;
using AppBackend.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppBackend.Infrastructure;

public static class DependencyInjection
{
    public const string DatabaseHealthCheckName = "database";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HmacJwtIssuer>();
        services.AddOptions<MediaUrlOptions>().Bind(configuration.GetSection(MediaUrlOptions.SectionName));
        services.AddPersistence(configuration);
        return services;
    }

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = configuration[$"{DatabaseOptions.SectionName}:Provider"] ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Default") ?? DatabaseOptions.DefaultConnectionString;
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connectionString));
                break;
            case DatabaseProvider.Sqlite:
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString));
                break;
            default:
                // Options validation reports the bad value at start; registering nothing here would hide it.
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString));
                break;
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IInterviewRepository, InterviewRepository>();
        services.AddScoped<IJobApplicationRepository, JobApplicationRepository>();
        services.AddScoped<IDispatchOutbox, DispatchOutbox>();
        services.AddScoped<IInterviewQueries, InterviewQueries>();
        services.AddScoped<IJobApplicationQueries, JobApplicationQueries>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheckName, tags: ["ready"]);
    }
}
