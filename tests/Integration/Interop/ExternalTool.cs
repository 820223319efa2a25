using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AppBackend.IntegrationTests.Interop;

/// <summary>What an external program printed and how it ended.</summary>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Runs programs no one here wrote: <c>node</c> with the scripts of <c>tests/Interop</c> (their packages installed
/// by <c>npm ci</c>, which scripts/test.sh runs), <c>ffprobe</c> and <c>ffmpeg</c>. A missing program or package
/// fails the test with what to install; it never skips.
/// </summary>
public static class ExternalTool
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary><c>tests/Interop</c> of the checkout the tests were built from.</summary>
    public static string InteropDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "Interop");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException($"tests/Interop/package.json not found above {AppContext.BaseDirectory}.");
        }
    }

    public static Task<ToolRun> NodeAsync(string script, string stdin, params string[] args)
    {
        var directory = InteropDirectory;
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            throw new InvalidOperationException($"The interop packages are not installed: run 'npm ci' in {directory} (scripts/test.sh does).");
        }

        return RunAsync("node", [Path.Combine(directory, script), .. args], stdin, directory);
    }

    public static async Task<ToolRun> RunAsync(string program, IReadOnlyList<string> args, string? stdin = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"'{program}' is not installed or not on PATH (scripts/test.sh installs it): {exception.Message}", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(stdin ?? string.Empty);
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {Limit}: {await stderr}");
            }

            return new ToolRun(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>Writes <paramref name="body"/> as UTF-8 without a byte-order mark, the way the scripts read standard input.</summary>
    public static string Utf8(byte[] body) => new UTF8Encoding(false).GetString(body);
}
