using AppBackend.Application.Common.Mapping;
using FluentValidation;
using Mapster;
using MapsterMapper;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.Application;

public static class DependencyInjection
{
    /// <summary>Validators and view mappings. Mediator itself is added by each executable (its source generator lives there).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);

        var mappings = new TypeAdapterConfig();
        mappings.Scan(typeof(DependencyInjection).Assembly);
        mappings.Compile();
        services.AddSingleton(mappings);
        services.AddSingleton<IMapper>(new Mapper(mappings));
        return services;
    }
}
