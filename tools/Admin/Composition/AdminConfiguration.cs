using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AppBackend.Admin.Composition;

/// <summary>
/// The WebApi's configuration keys, from (lowest first) environment variables, the caller's settings and the command
/// line. The environment is <c>ASPNETCORE_ENVIRONMENT</c>, else <c>DOTNET_ENVIRONMENT</c>, else Development: with
/// nothing set the tool uses the same Development defaults as <c>scripts/run.sh</c> (the SQLite file
/// <c>appbackend.db</c> in the current folder, the simulator, the dev keys).
/// </summary>
public static class AdminConfiguration
{
    public const string ApplicationName = "AppBackend.Admin";

    public static IConfigurationRoot Build(
        IEnumerable<KeyValuePair<string, string?>>? settings, IEnumerable<KeyValuePair<string, string?>> commandLine)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.AddInMemoryCollection(settings);
        }

        return builder.AddInMemoryCollection(commandLine).Build();
    }

    public static IHostEnvironment Environment(IConfiguration configuration)
    {
        var name = configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"];
        var contentRoot = Directory.GetCurrentDirectory();
        return new HostingEnvironment
        {
            EnvironmentName = string.IsNullOrWhiteSpace(name) ? Environments.Development : name,
            ApplicationName = ApplicationName,
            ContentRootPath = contentRoot,
            ContentRootFileProvider = new NullFileProvider(),
        };
    }
}
