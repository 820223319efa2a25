using System.Reflection;
using AppBackend.Domain.Common;

namespace AppBackend.ArchitectureTests;

/// <summary>Aggregates change only through their methods: no public setters anywhere in the domain.</summary>
public sealed class AggregateTests
{
    [Fact]
    public void DomainTypes_HaveNoPublicSetters()
    {
        var publicSetters = Layers.Domain.GetTypes()
            .Where(t => t.IsClass && !IsRecord(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        publicSetters.Should().BeEmpty();
    }

    [Fact]
    public void Aggregates_DeriveFromAggregateRoot()
    {
        typeof(Domain.JobApplications.JobApplication).Should().BeDerivedFrom<AggregateRoot>();
        typeof(Domain.Interviews.Interview).Should().BeDerivedFrom<AggregateRoot>();
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
