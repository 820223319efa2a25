namespace AppBackend.Admin.Cli;

/// <summary>A failure the tool explains in one line and ends with <see cref="ExitCode"/> (a usage or environment problem).</summary>
public sealed class AdminFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
