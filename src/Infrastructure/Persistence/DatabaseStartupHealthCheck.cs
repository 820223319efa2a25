using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>Ready needs the start's migrations applied, besides a database that answers (<see cref="DatabaseHealthCheck"/>).</summary>
internal sealed class DatabaseStartupHealthCheck(DatabaseStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.IsReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database is being migrated."));
}
