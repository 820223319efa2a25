using System.Reflection;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.Common.Security;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AppBackend.ArchitectureTests;

/// <summary>
/// Contract section 4 lives in one place: every read a caller makes of an interview or an application passes the
/// <see cref="AccessScope"/> that <see cref="ApplicationAccess"/> made for him. The query ports take it (and their
/// implementations apply it); the unscoped loads of the repositories are called only by <c>JobApplicationLookups</c>
/// (which checks the scope) and by the AI pipeline, which the contract leaves unscoped (a job id finds its application
/// wherever it is). These rules read the IL, so a new handler that loads around the scope fails here.
/// </summary>
public sealed class AccessScopeTests
{
    private const string Lookups = "AppBackend.Application.JobApplications.JobApplicationLookups";

    /// <summary>
    /// The webhook's and poller's applier of a result, the dispatcher and its recorder, the poller and the alerter:
    /// unscoped by contract.
    /// </summary>
    private static readonly string[] AiPipeline =
    [
        "AppBackend.Application.Analysis.ApplyAnalysisResult.AnalysisResultApplier",
        "AppBackend.Application.Analysis.ApplyAnalysisResult.AnalysisResultBatchApplier",
        "AppBackend.Application.Analysis.DispatchApplication.AnalysisDispatcher",
        "AppBackend.Application.Analysis.DispatchApplication.DispatchRecorder",
        "AppBackend.Application.Analysis.AlertStuckJobs.AlertStuckJobsCommandHandler",
        "AppBackend.Application.Analysis.PollAnalysisJobs.PollAnalysisJobsCommandHandler",
    ];

    private static readonly Assembly[] Callers = [Layers.Application, Layers.WebApi, Layers.Admin, Layers.Infrastructure];

    [Theory]
    [InlineData(typeof(IJobApplicationQueries))]
    [InlineData(typeof(IInterviewQueries))]
    public void QueryPorts_TakeTheCallersScopeInEveryRead(Type port)
    {
        var unscoped = port.GetMethods().Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(AccessScope))).Select(m => m.Name);

        unscoped.Should().BeEmpty($"every read of {port.Name} is narrowed to the caller's scope");
    }

    [Theory]
    [InlineData("AppBackend.Infrastructure.Persistence.Queries.JobApplicationQueries", nameof(AccessScope.Applications))]
    [InlineData("AppBackend.Infrastructure.Persistence.Queries.InterviewQueries", nameof(AccessScope.Interviews))]
    public void QueryPortImplementations_ApplyTheScopeInEveryRead(string implementation, string filter)
    {
        var type = Module(Layers.Infrastructure).GetType(implementation);
        type.Should().NotBeNull();
        var reads = type.Methods.Where(m => m.IsPublic && m.Parameters.Any(p => p.ParameterType.FullName == typeof(AccessScope).FullName)).ToList();

        reads.Should().NotBeEmpty();
        reads.Where(m => !Calls(type, m).Any(c => c.DeclaringType.FullName == typeof(AccessScope).FullName && c.Name == $"get_{filter}"))
            .Select(m => m.Name)
            .Should().BeEmpty($"each read of {type.Name} filters by AccessScope.{filter}");
    }

    [Fact]
    public void UnscopedLoads_AreCalledOnlyByTheLookupsAndTheAiPipeline()
    {
        string[] unscoped =
        [
            $"{typeof(IJobApplicationRepository).FullName}::{nameof(IJobApplicationRepository.FindAsync)}",
            $"{typeof(IJobApplicationRepository).FullName}::{nameof(IJobApplicationRepository.FindByJobIdAsync)}",
            $"{typeof(IJobApplicationRepository).FullName}::{nameof(IJobApplicationRepository.FindByJobIdsAsync)}",
            $"{typeof(IJobApplicationRepository).FullName}::{nameof(IJobApplicationRepository.FindByVideoResponseIdAsync)}",
            $"{typeof(IInterviewRepository).FullName}::{nameof(IInterviewRepository.FindAsync)}",
        ];

        var offenders = CallSites()
            .Where(site => unscoped.Contains($"{site.Callee.DeclaringType.FullName}::{site.Callee.Name}"))
            .Where(site => site.Caller != Lookups && !AiPipeline.Contains(site.Caller))
            .Select(site => $"{site.Caller} calls {site.Callee.Name}")
            .Distinct()
            .ToList();

        offenders.Should().BeEmpty("a caller's load goes through JobApplicationLookups, which applies his scope");
    }

    [Fact]
    public void UnscopedLoads_AreStillCalledWhereTheRuleExpectsThem()
    {
        var callers = CallSites()
            .Where(site => site.Callee.DeclaringType.FullName is var t && (t == typeof(IJobApplicationRepository).FullName || t == typeof(IInterviewRepository).FullName))
            .Where(site => site.Callee.Name.StartsWith("Find", StringComparison.Ordinal))
            .Select(site => site.Caller)
            .ToHashSet();

        callers.Should().Contain(Lookups, "the rule above must not pass merely because nothing is found");
    }

    [Fact]
    public void EverythingScope_IsHandedOutOnlyByApplicationAccess()
    {
        var offenders = CallSites()
            .Where(site => site.Callee.DeclaringType.FullName == typeof(AccessScope).FullName && site.Callee.Name == $"get_{nameof(AccessScope.Everything)}")
            .Where(site => site.Caller != typeof(ApplicationAccess).FullName)
            .Select(site => site.Caller)
            .Distinct()
            .ToList();

        offenders.Should().BeEmpty("only ApplicationAccess decides that a caller (the admin tool) acts across organizations");
    }

    private static IEnumerable<(string Caller, MethodReference Callee)> CallSites() =>
        from assembly in Callers
        from type in Module(assembly).GetTypes()
        from method in type.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn or Code.Ldvirtftn
        let callee = instruction.Operand as MethodReference
        where callee is not null
        select (OuterName(type), callee);

    /// <summary>The methods <paramref name="method"/> calls, including from its async state machine or lambdas.</summary>
    private static IEnumerable<MethodReference> Calls(TypeDefinition type, MethodDefinition method)
    {
        var bodies = new List<MethodDefinition> { method };
        bodies.AddRange(type.NestedTypes.Where(n => n.Name.StartsWith($"<{method.Name}>", StringComparison.Ordinal)).SelectMany(n => n.Methods));
        return bodies.Where(b => b.HasBody).SelectMany(b => b.Body.Instructions).Select(i => i.Operand).OfType<MethodReference>();
    }

    /// <summary>Async state machines and closures are nested types; a call in them is their outer type's.</summary>
    private static string OuterName(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.FullName;
    }

    private static ModuleDefinition Module(Assembly assembly) => ModuleDefinition.ReadModule(assembly.Location);
}
