using System.CommandLine;

namespace AppBackend.Admin.Cli;

/// <summary>The command tree.</summary>
public static class AdminCommands
{
    public static RootCommand Build(CommandRunner runner)
    {
        var root = new RootCommand(
            "AppBackend's admin tool: look at applications, retry and redispatch them, reconcile analysis jobs, sign " +
            "webhook bodies and mint dev tokens. Uses the WebApi's configuration keys (environment variables, --config); " +
            "acts as a recruiter. Exit codes: 0 success, 1 refused or not found, 2 usage or configuration error, 3 unexpected failure.");
        runner.Globals.AddTo(root);
        root.Subcommands.Add(ApplicationsCommands.Create(runner));
        root.Subcommands.Add(JobsCommands.Create(runner));
        root.Subcommands.Add(WebhookCommands.Create(runner));
        root.Subcommands.Add(TokenCommand.Create(runner));
        return root;
    }
}
