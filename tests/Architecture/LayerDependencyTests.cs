using NetArchTest.Rules;

namespace AppBackend.ArchitectureTests;

public sealed class LayerDependencyTests
{
    [Fact]
    public void Domain_DependsOnNoOtherLayerAndNoFramework()
    {
        var result = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOnAny(
            Layers.ApplicationNamespace,
            Layers.InfrastructureNamespace,
            Layers.WebApiNamespace,
            "Microsoft.EntityFrameworkCore",
            "Microsoft.AspNetCore",
            "Microsoft.Extensions",
            "Mediator",
            "FluentValidation",
            "Mapster").GetResult();

        result.IsSuccessful.Should().BeTrue(Offenders(result));
    }

    [Fact]
    public void Application_DependsOnNeitherInfrastructureNorWebApiNorEfCore()
    {
        var result = Types.InAssembly(Layers.Application).ShouldNot().HaveDependencyOnAny(
            Layers.InfrastructureNamespace,
            Layers.WebApiNamespace,
            "Microsoft.EntityFrameworkCore",
            "Microsoft.AspNetCore",
            "Refit",
            "Npgsql").GetResult();

        result.IsSuccessful.Should().BeTrue(Offenders(result));
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnWebApi()
    {
        var result = Types.InAssembly(Layers.Infrastructure).ShouldNot().HaveDependencyOn(Layers.WebApiNamespace).GetResult();

        result.IsSuccessful.Should().BeTrue(Offenders(result));
    }

    [Fact]
    public void AdminTool_GoesThroughTheApplicationLayerNotTheWebApiOrEfCore()
    {
        var result = Types.InAssembly(Layers.Admin).ShouldNot().HaveDependencyOnAny(
            Layers.WebApiNamespace,
            "Microsoft.EntityFrameworkCore",
            "Npgsql",
            "Microsoft.Data.Sqlite",
            $"{Layers.InfrastructureNamespace}.Persistence.Repositories",
            $"{Layers.InfrastructureNamespace}.Persistence.Queries").GetResult();

        result.IsSuccessful.Should().BeTrue(Offenders(result));
    }

    [Fact]
    public void Endpoints_DoNotTouchTheDbContextOrEfCore()
    {
        var result = Types.InAssembly(Layers.WebApi)
            .That().ResideInNamespace($"{Layers.WebApiNamespace}.Endpoints")
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore",
                $"{Layers.InfrastructureNamespace}.Persistence")
            .GetResult();

        result.IsSuccessful.Should().BeTrue(Offenders(result));
    }

    internal static string Offenders(TestResult result) =>
        "these types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
