using System.CommandLine;
using System.CommandLine.Invocation;
using AppBackend.Admin.Cli;

namespace AppBackend.Admin;

/// <summary>
/// The admin tool's entry point. It reuses the Application layer's commands and queries through Mediator, on the same
/// configuration keys as the WebApi, acting as a recruiter (subject <c>admin-cli</c>).
/// </summary>
public static class AdminCli
{
    /// <summary>Runs one command line against the process's console, environment variables and standard input.</summary>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, configuration: null, stdin: null, CancellationToken.None);

    /// <summary>
    /// Runs one command line. <paramref name="configuration"/> is layered over the environment variables (and under
    /// <c>--config</c>, <c>--provider</c> and <c>--connection</c>), so a caller can configure the tool without touching
    /// the process environment; <paramref name="stdin"/> stands in for standard input (<c>webhook sign -</c>).
    /// </summary>
    /// <returns>One of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? configuration,
        Stream? stdin = null,
        CancellationToken cancellationToken = default)
    {
        var runner = new CommandRunner(stdout, stderr, configuration, stdin);
        var root = AdminCommands.Build(runner);
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run with --help for the commands and their options.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false },
            cancellationToken);
    }
}
