using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppBackend.WebApi.Transport;

internal static class TransportBuffers
{
    /// <summary>
    /// Kestrel's socket transport takes its pools from the last <see cref="IMemoryPoolFactory{T}"/> registered, and
    /// <c>UseKestrel</c> registers its own: so this must come after it, as <see cref="DependencyInjection.AddWebApi"/>
    /// does after <c>WebApplication.CreateBuilder</c>.
    /// </summary>
    public static IServiceCollection AddLargeTransportBuffers(this IServiceCollection services)
    {
        services.TryAddSingleton<TransportBufferMetrics>();
        return services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
    }
}
