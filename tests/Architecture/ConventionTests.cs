using System.Reflection;
using FluentValidation;
using Mediator;

namespace AppBackend.ArchitectureTests;

/// <summary>
/// The stated rule: handlers and validators are <c>public sealed</c>. Public, because Mediator's source generator
/// runs in the executables (WebApi, tools/Admin) and must reach them from another assembly; sealed, because nothing
/// derives from a use case.
/// </summary>
public sealed class ConventionTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
    ];

    public static TheoryData<string> Handlers() => NamesOf(Layers.Application.GetTypes().Where(IsHandler));

    public static TheoryData<string> Validators() =>
        NamesOf(Layers.Application.GetTypes().Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t)));

    [Fact]
    public void Application_HasHandlersAndValidators()
    {
        Handlers().Should().NotBeEmpty();
        Validators().Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Handler_IsPublicAndSealed(string typeName) => AssertPublicSealed(typeName);

    [Theory]
    [MemberData(nameof(Validators))]
    public void Validator_IsPublicAndSealed(string typeName) => AssertPublicSealed(typeName);

    [Fact]
    public void Handlers_LiveInTheFolderOfTheirMessage()
    {
        var misplaced = Layers.Application.GetTypes().Where(IsHandler)
            .Where(handler => handler.GetInterfaces()
                .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
                .Any(i => i.GetGenericArguments()[0].Namespace != handler.Namespace))
            .Select(t => t.FullName)
            .ToList();

        misplaced.Should().BeEmpty("a use case's command or query, handler and validator sit side by side");
    }

    private static void AssertPublicSealed(string typeName)
    {
        var type = Layers.Application.GetType(typeName, throwOnError: true)!;
        type.IsPublic.Should().BeTrue($"{typeName} must be public");
        type.IsSealed.Should().BeTrue($"{typeName} must be sealed");
    }

    private static bool IsHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()));

    private static TheoryData<string> NamesOf(IEnumerable<Type> types)
    {
        var data = new TheoryData<string>();
        foreach (var type in types.OrderBy(t => t.FullName))
        {
            data.Add(type.FullName!);
        }

        return data;
    }
}
