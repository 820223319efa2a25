using System.Reflection;

namespace AppBackend.ArchitectureTests;

/// <summary>The assemblies under test, found from a type each layer is sure to keep.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Domain.JobApplications.JobApplication).Assembly;
    public static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApi = typeof(WebApi.DependencyInjection).Assembly;
    public static readonly Assembly Admin = typeof(AppBackend.Admin.AdminCli).Assembly;

    public const string DomainNamespace = "AppBackend.Domain";
    public const string ApplicationNamespace = "AppBackend.Application";
    public const string InfrastructureNamespace = "AppBackend.Infrastructure";
    public const string WebApiNamespace = "AppBackend.WebApi";
}
