using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>
/// AppBackend as its own operating-system process (<c>dotnet AppBackend.WebApi.dll</c>, the build next to the tests),
/// configured only through its environment, with its console output captured: for what only a real process shows
/// (refusing to start, the logging it falls back to without appsettings.json, a signal).
/// </summary>
public sealed class WebApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WebApiProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line written to standard output and standard error so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public string AllOutput => string.Join('\n', _output);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Raised for each line as it arrives.</summary>
    public event Action<string>? LineWritten;

    /// <param name="environment">The process's environment on top of the test's own (a null value removes a variable).</param>
    /// <param name="workingDirectory">Where it runs; a fresh empty temp directory when null (so no appsettings.json is found).</param>
    public static WebApiProcess Start(IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AppBackend.WebApi.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = workingDirectory ?? Directory.CreateTempSubdirectory("appbackend-cwd-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return new WebApiProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Waits for the process to end by itself; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until a line satisfying <paramref name="predicate"/> has been written, or the process ends.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string line)
        {
            if (predicate(line))
            {
                found.TrySetResult(line);
            }
        }

        LineWritten += Check;
        try
        {
            foreach (var line in Output)
            {
                Check(line);
            }

            var exited = _process.WaitForExitAsync();
            var first = await Task.WhenAny(found.Task, exited, Task.Delay(timeout));
            return first == found.Task
                ? await found.Task
                : throw new TimeoutException($"No such line within {timeout} (exited: {_process.HasExited}). Output:\n{AllOutput}");
        }
        finally
        {
            LineWritten -= Check;
        }
    }

    /// <summary>Sends SIGTERM, as a container runtime or systemd does to stop a service.</summary>
    public void Terminate()
    {
        if (kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        LineWritten?.Invoke(line);
    }

    private const int Sigterm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
