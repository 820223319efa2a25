using AppBackend.Infrastructure.Persistence;

namespace AppBackend.WebApi.Http;

/// <summary>
/// While the database is being migrated at start (<see cref="DatabaseStartup"/>), a request waits for it instead of
/// meeting a schema half made; if the migration fails it is a 503 (the instance is stopping). Health and metrics
/// answer at once: they are how the start is watched.
/// </summary>
internal sealed class DatabaseStartupGate(RequestDelegate next, DatabaseStartup startup)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (startup.IsReady || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics"))
        {
            return next(context);
        }

        return WaitThenInvokeAsync(context);
    }

    private async Task WaitThenInvokeAsync(HttpContext context)
    {
        if (!await startup.WaitUntilReadyAsync(context.RequestAborted))
        {
            throw new DatabaseNotReadyException();
        }

        await next(context);
    }
}
