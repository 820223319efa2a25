using System.Text.Json;

namespace AppBackend.IntegrationTests.Admin;

/// <summary>One run of the admin tool: its exit code and everything it wrote.</summary>
public sealed record AdminRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as JSON (the output of <c>--json</c>).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
