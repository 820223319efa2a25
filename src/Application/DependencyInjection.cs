using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Mapping;
using AppBackend.Application.Common.Validation;
using AppBackend.Application.JobApplications;
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
        // Messages name fields as the JSON does ('durationSeconds'), not as C# does ('Duration Seconds').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddSingleton(typeof(IValidator<>), typeof(NulCharacterValidator<>));

        var mappings = new TypeAdapterConfig();
        mappings.Scan(typeof(DependencyInjection).Assembly);
        mappings.Compile();
        services.AddSingleton(mappings);
        services.AddSingleton<IMapper>(new Mapper(mappings));
        services.AddSingleton<JobApplicationViewPresenter>();
        services.AddScoped<LogContext>();
        services.AddScoped<ILogContext>(sp => sp.GetRequiredService<LogContext>());
        return services;
    }
}
