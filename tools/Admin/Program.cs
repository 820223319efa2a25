namespace AppBackend.Admin;

// An explicit, namespaced entry point rather than top-level statements: the integration tests reference this
// project next to the WebApi, and two global `Program` classes would make `WebApplicationFactory<Program>`
// ambiguous there.
internal static class Program
{
    private static Task<int> Main(string[] args) => AdminCli.RunAsync(args);
}
