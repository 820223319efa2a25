using AppBackend.Application.Analysis.ApplyAnalysisResult;
using AppBackend.Application.Analysis.DispatchApplication;
using AppBackend.Application.Analysis.PollAnalysisJobs;
using AppBackend.Application.Common.Behaviors;
using AppBackend.Application.Common.Concurrency;
using AppBackend.Application.Common.Logging;
using AppBackend.Application.Common.Mapping;
using AppBackend.Application.Common.Validation;
using AppBackend.Application.JobApplications;
using AppBackend.Domain.Common;
using AppBackend.Domain.JobApplications;
using FluentValidation;
using Mapster;
using MapsterMapper;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, view mappings, the pipeline's shared services and Mediator's pipeline behaviours. Mediator itself is
    /// added by each executable (its source generator lives there, and registers the handlers it finds); the
    /// behaviours are registered here, once, so the WebApi and the admin tool run every message through the same ones.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Messages name fields as the JSON does ('durationSeconds'), not as C# does ('Duration Seconds').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddSingleton(typeof(IValidator<>), typeof(NulCharacterValidator<>));

        // Each mapping is compiled when it is first used, not here, before the server listens: compiling them all was most
        // of the 0.12 s of CPU this method took in a ReadyToRun cold start. The unit tests compile them all (Fakes/Mappings).
        var mappings = new TypeAdapterConfig();
        mappings.Scan(typeof(DependencyInjection).Assembly);
        services.AddSingleton(mappings);
        services.AddSingleton<IMapper>(new Mapper(mappings));
        services.AddSingleton<JobApplicationViewPresenter>();
        services.AddScoped<ILogContext, LogContext>();
        services.AddScoped<OptimisticUpdate>();
        services.AddSingleton<DoneJobs>();
        services.AddScoped<AnalysisResultApplier>();
        services.AddScoped<IGroupCommitHandler<AnalysisReport, Result<ResultApplication>>, AnalysisResultBatchApplier>();
        services.AddSingleton<PolledAnswer>();
        services.AddScoped<DispatchRecorder>();
        services.AddScoped<IGroupCommitHandler<AnsweredDispatch, DispatchOutcome>, DispatchAnswerBatchRecorder>();
        services.AddScoped<AnalysisDispatcher>();
        services.AddPipelineBehaviors();
        return services;
    }

    /// <summary>
    /// In the order they wrap a handler, outermost first: the logging scope (so a refusal's log lines carry the ids),
    /// then validation. Scoped, like the handlers, because the logging scope writes to the scoped <see cref="ILogContext"/>.
    /// </summary>
    private static void AddPipelineBehaviors(this IServiceCollection services)
    {
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingScopeBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
    }
}
