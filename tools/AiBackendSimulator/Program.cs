namespace AppBackend.AiBackendSimulator;

// An explicit, namespaced entry point rather than top-level statements: the integration
// tests reference both this project and the WebApi, and two global `Program` classes
// would make `WebApplicationFactory<Program>` ambiguous there.
internal static class Program
{
    private static async Task Main(string[] args) => await SimulatorHost.Build(args).RunAsync();
}
