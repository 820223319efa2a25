using AppBackend.Domain.Common;
using AppBackend.Infrastructure;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AppBackend.ArchitectureTests;

/// <summary>
/// The shape issue 11 gave the AI pipeline: use cases never send each other messages (what two share is a plain
/// service), each use case stays in its half of the Application layer, and only the WebApi runs the workers.
/// </summary>
public sealed class PipelineShapeTests
{
    private const string Analysis = $"{Layers.ApplicationNamespace}.Analysis";
    private const string JobApplications = $"{Layers.ApplicationNamespace}.JobApplications";

    /// <summary>The pipeline, from a submitted application's dispatch to its last result and the alerts about it.</summary>
    private static readonly string[] AnalysisUseCases =
        ["DispatchApplication", "RedispatchApplication", "ApplyAnalysisResult", "PollAnalysisJobs", "AlertStuckJobs", "DeliverAlerts"];

    private static readonly Type[] HandlerInterfaces =
        [typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>)];

    private static readonly Type[] Senders = [typeof(ISender), typeof(IMediator), typeof(IPublisher)];

    [Fact]
    public void Handlers_DependOnNoSenderOrMediator()
    {
        var handlers = Layers.Application.GetTypes().Where(IsHandler).ToList();
        var offenders = handlers
            .Where(h => h.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => Senders.Contains(p.ParameterType)))
            .Select(h => h.FullName)
            .ToList();

        handlers.Should().NotBeEmpty();
        offenders.Should().BeEmpty("a use case that needs another's work calls a plain service, never the mediator");
    }

    [Fact]
    public void PipelineUseCases_LiveInAnalysis()
    {
        var found = Layers.Application.GetTypes().Where(IsHandler)
            .Where(h => AnalysisUseCases.Any(u => h.Name.StartsWith(u, StringComparison.Ordinal)))
            .ToList();

        found.Select(h => h.Name[..h.Name.IndexOf("Command", StringComparison.Ordinal)]).Should().BeEquivalentTo(AnalysisUseCases);
        found.Should().AllSatisfy(h => h.Namespace.Should().StartWith($"{Analysis}.", "the pipeline reads top-down from one folder"));
    }

    [Fact]
    public void FrontendUseCases_LiveInJobApplications()
    {
        var inJobApplications = Layers.Application.GetTypes().Where(IsHandler)
            .Where(h => h.Namespace?.StartsWith($"{JobApplications}.", StringComparison.Ordinal) == true)
            .ToList();
        var elsewhere = Layers.Application.GetTypes().Where(IsHandler)
            .Where(h => !h.Namespace!.StartsWith($"{JobApplications}.", StringComparison.Ordinal)
                && !h.Namespace.StartsWith($"{Analysis}.", StringComparison.Ordinal)
                && !h.Namespace.StartsWith($"{Layers.ApplicationNamespace}.Interviews.", StringComparison.Ordinal))
            .Select(h => h.FullName)
            .ToList();

        inJobApplications.Should().NotBeEmpty();
        inJobApplications.Should().NotContain(h => AnalysisUseCases.Any(u => h.Name.StartsWith(u, StringComparison.Ordinal)));
        elsewhere.Should().BeEmpty("a use case is the frontend's (JobApplications, Interviews) or the pipeline's (Analysis)");
    }

    [Fact]
    public void AddInfrastructure_RegistersNoWorker()
    {
        var services = new ServiceCollection();
        services.AddInfrastructure(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = Environments.Development });

        // The framework's own (the health-check publisher) may run anywhere; AppBackend's workers may not.
        services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Namespace?.StartsWith("AppBackend", StringComparison.Ordinal) != false)
            .Select(d => d.ImplementationType?.FullName ?? "a factory")
            .Should().BeEmpty("only the WebApi's AddWorkers starts background work");
    }

    [Fact]
    public void AddWorkers_RegistersTheDispatchWorkerAndTheMonitor()
    {
        var workers = new ServiceCollection().AddWorkers(new ConfigurationBuilder().Build())
            .Where(d => d.ServiceType == typeof(IHostedService))
            .Select(d => d.ImplementationType?.Name)
            .ToList();

        workers.Should().Contain(["DispatchWorker", "AnalysisMonitorWorker", "EventRetentionWorker"]);
    }

    private static bool IsHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
        && type.Namespace != typeof(Result).Namespace;
}
