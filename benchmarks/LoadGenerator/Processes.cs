using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AppBackend.LoadGenerator;

/// <summary>A child server process (the published WebApi or the simulator); killed with its tree when disposed.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, int port)
    {
        _process = process;
        _log = log;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(string executable, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, int port, string logFile, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = executable,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, port);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Waits until <paramref name="path"/> answers 200; throws when the process exits or the time runs out.</summary>
    public async Task WaitHealthyAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode} before {path} answered (see its log).");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl, path));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or not answering yet.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"{path} on {BaseUrl} did not answer 200 within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>CPU time (user + system) the process has used so far, in seconds, from /proc/&lt;pid&gt;/stat (clock ticks of 10 ms).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // After "pid (comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are indexes 11 and 12.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>VmRSS and VmHWM in MiB, from /proc/&lt;pid&gt;/status.</summary>
    public (double Rss, double Hwm) Memory()
    {
        double rss = 0;
        double hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = ParseKb(line) / 1024.0;
            }
        }

        return (rss, hwm);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static double ParseKb(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process outlived its log by a line.
            }
        }
    }
}
