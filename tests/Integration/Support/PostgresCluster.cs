using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace AppBackend.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for one test process: <c>initdb</c> into a fresh temp directory,
/// <c>pg_ctl start</c> on a free loopback port, and <c>pg_ctl -m immediate stop</c> plus removal of the
/// directory when disposed.
/// </summary>
/// <remarks>
/// <para>Use <see cref="Shared"/> (one cluster per test process) and give every test class its own database
/// through <see cref="CreateDatabaseAsync"/> or <see cref="PostgresDatabaseFixture"/>.</para>
/// <para>Binaries come from <c>$APPBACKEND_PG_BIN</c> when set, else from the highest
/// <c>/usr/lib/postgresql/*/bin</c> holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>. When none is
/// found this throws: PostgreSQL tests fail, they never skip.</para>
/// <para>As root every server command runs through <c>runuser -u postgres --</c> (initdb refuses root).</para>
/// <para>Teardown has three layers, because vstest kills the test host 100 ms after the run unless
/// <c>VSTEST_TESTHOST_SHUTDOWN_TIMEOUT</c> says otherwise, which can cut a <c>ProcessExit</c> handler short:
/// explicit disposal, a <c>ProcessExit</c> handler for <see cref="Shared"/>, and a detached watchdog shell
/// that stops the server and deletes the directory once the owning process is gone.</para>
/// </remarks>
public sealed class PostgresCluster : IDisposable, IAsyncDisposable
{
    /// <summary>Environment variable naming a directory that holds initdb, pg_ctl and postgres.</summary>
    public const string BinDirectoryVariable = "APPBACKEND_PG_BIN";

    /// <summary>Where Debian/Ubuntu install versioned PostgreSQL server binaries.</summary>
    public const string DefaultSearchRoot = "/usr/lib/postgresql";

    private const string ServiceUser = "postgres";
    private const string DirectoryPrefix = "appbackend-pg-";
    private const int MaxDatabasePrefixLength = 54; // 63-byte identifier limit minus "_" and 8 hex chars
    private const int StartAttempts = 3;

    private static readonly string[] RequiredBinaries = ["initdb", "pg_ctl", "postgres"];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<PostgresCluster> SharedCluster =
        new(CreateShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _rootDirectory;
    private readonly string _dataDirectory;
    private readonly string _socketDirectory;
    private readonly string _logFile;
    private readonly bool _runAsServiceUser;
    private Process? _watchdog;
    private int _disposed;

    private PostgresCluster(string binDirectory, string rootDirectory, bool runAsServiceUser)
    {
        BinDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _dataDirectory = Path.Combine(rootDirectory, "data");
        _socketDirectory = Path.Combine(rootDirectory, "sock");
        _logFile = Path.Combine(rootDirectory, "postgres.log");
        _runAsServiceUser = runAsServiceUser;
    }

    /// <summary>
    /// The cluster shared by every test in this process: started on first use, stopped at process exit.
    /// A failed start is cached, so every test that needs it fails with the same message.
    /// </summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    /// <summary>The directory the server binaries were taken from.</summary>
    public string BinDirectory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>
    /// Starts a new cluster. <paramref name="binDirectory"/> overrides discovery
    /// (<see cref="BinDirectoryVariable"/>, then <see cref="DefaultSearchRoot"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed or failed to start.</exception>
    public static PostgresCluster Start(string? binDirectory = null)
    {
        var resolvedBinDirectory = ResolveBinDirectory(
            binDirectory ?? Environment.GetEnvironmentVariable(BinDirectoryVariable),
            DefaultSearchRoot);
        var runAsServiceUser = IsRoot();
        var rootDirectory = CreateRootDirectory(runAsServiceUser);
        var cluster = new PostgresCluster(resolvedBinDirectory, rootDirectory, runAsServiceUser);
        try
        {
            cluster.Initialize();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = ServiceUser,
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
        };
        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates a database named <c>{prefix}_{8 hex chars}</c> (lower case; characters other than
    /// <c>[a-z0-9_]</c> become <c>_</c>) and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var safePrefix = NormalizeDatabasePrefix(prefix);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var name = $"{safePrefix}_{Guid.NewGuid():N}"[..(safePrefix.Length + 9)];
            try
            {
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return ConnectionString(name);
            }
            catch (PostgresException exception)
                when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase && attempt < 5)
            {
                // 32 random bits collided; draw again.
            }
        }
    }

    /// <summary>Stops the server (<c>pg_ctl -m immediate stop</c>) and deletes its directory. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var failures = new List<string>();
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            var stop = TryRun(
                Path.Combine(BinDirectory, "pg_ctl"),
                ["-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
            if (stop.ExitCode != 0)
            {
                failures.Add($"pg_ctl stop exited with {stop.ExitCode}: {stop.Output}");
            }
        }

        try
        {
            if (Directory.Exists(_rootDirectory))
            {
                Directory.Delete(_rootDirectory, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            failures.Add($"could not delete {_rootDirectory}: {exception.Message}");
        }

        // Last: should the host be killed mid-teardown, the watchdog finishes the job.
        StopWatchdog();

        if (failures.Count > 0)
        {
            // Disposal runs from ProcessExit too, where an exception would only crash the host.
            Console.Error.WriteLine($"PostgresCluster teardown: {string.Join("; ", failures)}");
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The directory to take server binaries from: <paramref name="explicitDirectory"/> when given (it must hold
    /// every required binary), else the highest-versioned <c>{searchRoot}/*/bin</c> that holds them all.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable directory.</exception>
    internal static string ResolveBinDirectory(string? explicitDirectory, string searchRoot)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            var missing = MissingBinaries(explicitDirectory);
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL server binaries not found: {BinDirectoryVariable} points to '{explicitDirectory}', "
                    + $"which lacks {string.Join(", ", missing)}. PostgreSQL integration tests cannot run.");
            }

            return explicitDirectory;
        }

        var candidates = Directory.Exists(searchRoot)
            ? Directory.GetDirectories(searchRoot)
                .Select(versionDirectory => (
                    Version: ParseVersion(Path.GetFileName(versionDirectory)),
                    Bin: Path.Combine(versionDirectory, "bin")))
                .Where(candidate => candidate.Version is not null)
                .OrderByDescending(candidate => candidate.Version)
                .ToList()
            : [];
        foreach (var candidate in candidates)
        {
            if (MissingBinaries(candidate.Bin).Count == 0)
            {
                return candidate.Bin;
            }
        }

        var considered = candidates.Count == 0
            ? "no version directories"
            : string.Join(", ", candidates.Select(candidate => candidate.Bin));
        throw new InvalidOperationException(
            $"PostgreSQL server binaries not found: no {searchRoot}/*/bin holds {string.Join(", ", RequiredBinaries)} "
            + $"(considered: {considered}). Install the server (Debian: apt-get install -y postgresql; "
            + $"scripts/test.sh does this) or set {BinDirectoryVariable}. PostgreSQL integration tests cannot run.");
    }

    internal static string NormalizeDatabasePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var builder = new StringBuilder(prefix.Length);
        foreach (var character in prefix.ToLowerInvariant())
        {
            builder.Append(character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? character : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, "db");
        }

        return builder.Length > MaxDatabasePrefixLength
            ? builder.ToString(0, MaxDatabasePrefixLength)
            : builder.ToString();
    }

    private static PostgresCluster CreateShared()
    {
        var cluster = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    private static List<string> MissingBinaries(string directory) =>
        RequiredBinaries.Where(binary => !File.Exists(Path.Combine(directory, binary))).ToList();

    private static Version? ParseVersion(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var text = name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";
        return Version.TryParse(text, out var version) ? version : null;
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static string CreateRootDirectory(bool runAsServiceUser)
    {
        // Under root the postgres user must be able to reach the directory; /tmp always lets it, whereas a
        // TMPDIR under /root would not. The name stays short: Unix socket paths are capped near 107 bytes.
        var tempRoot = runAsServiceUser ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(tempRoot, DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        if (root.Contains('\'', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Temp directory '{root}' must not contain a single quote.");
        }

        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        File.WriteAllText(
            Path.Combine(root, "owner.pid"),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return root;
    }

    private static int FindFreePort()
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

    private static CommandResult RunProcess(ProcessStartInfo startInfo)
    {
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult(-1, $"timed out after {CommandTimeout.TotalSeconds:0} s");
        }

        process.WaitForExit();
        var output = (standardOutput.GetAwaiter().GetResult() + standardError.GetAwaiter().GetResult()).Trim();
        return new CommandResult(process.ExitCode, output);
    }

    private static void RemovePostgresVariables(ProcessStartInfo startInfo)
    {
        // A stray PGDATA/PGPORT/PGHOST from the caller's shell must not redirect our commands.
        foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith("PG", StringComparison.Ordinal))
                     .ToList())
        {
            startInfo.Environment.Remove(key);
        }
    }

    private void Initialize()
    {
        // First: a host killed at any later point must not leave a server or directory behind.
        StartWatchdog();
        if (_runAsServiceUser)
        {
            Run("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _rootDirectory], asServiceUser: false);
            Run("chmod", ["0700", _rootDirectory], asServiceUser: false);
        }

        Run(
            Path.Combine(BinDirectory, "initdb"),
            ["-D", _dataDirectory, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--no-locale", "--no-sync"]);

        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            var options = string.Join(
                ' ',
                $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
                $"-k '{_socketDirectory}'",
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=300");
            var start = TryRun(
                Path.Combine(BinDirectory, "pg_ctl"),
                ["-w", "-t", "60", "-D", _dataDirectory, "-o", options, "-l", _logFile, "start"]);
            if (start.ExitCode == 0)
            {
                break;
            }

            var log = ReadLogTail();
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("already in use", StringComparison.OrdinalIgnoreCase);
            if (!portTaken || attempt >= StartAttempts)
            {
                throw CommandFailed("pg_ctl start", start, log);
            }
        }
    }

    private void Run(string executable, IReadOnlyList<string> arguments, bool? asServiceUser = null)
    {
        var result = TryRun(executable, arguments, asServiceUser);
        if (result.ExitCode != 0)
        {
            throw CommandFailed(
                $"{Path.GetFileName(executable)} {string.Join(' ', arguments)}",
                result,
                ReadLogTail());
        }
    }

    private CommandResult TryRun(string executable, IReadOnlyList<string> arguments, bool? asServiceUser = null)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user cannot enter the caller's directory when that is, say, under /root.
            WorkingDirectory = Directory.Exists(_rootDirectory) ? _rootDirectory : "/",
        };
        if (asServiceUser ?? _runAsServiceUser)
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServiceUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(executable);
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        RemovePostgresVariables(startInfo);
        try
        {
            return RunProcess(startInfo);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new CommandResult(-1, $"could not execute {startInfo.FileName}: {exception.Message}");
        }
    }

    private InvalidOperationException CommandFailed(string command, CommandResult result, string logTail)
    {
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"PostgreSQL test cluster: '{command}' failed (exit {result.ExitCode})")
            .Append(_runAsServiceUser ? $" running as root via 'runuser -u {ServiceUser}'" : string.Empty)
            .AppendLine(".")
            .Append(CultureInfo.InvariantCulture, $"Binaries: {BinDirectory}; directory: {_rootDirectory}")
            .AppendLine()
            .AppendLine("Output:")
            .AppendLine(string.IsNullOrEmpty(result.Output) ? "(none)" : result.Output)
            .AppendLine("Server log (tail):")
            .Append(string.IsNullOrEmpty(logTail) ? "(none)" : logTail);
        return new InvalidOperationException(message.ToString());
    }

    private string ReadLogTail()
    {
        try
        {
            return File.Exists(_logFile)
                ? string.Join(Environment.NewLine, File.ReadLines(_logFile).TakeLast(40))
                : string.Empty;
        }
        catch (IOException exception)
        {
            return $"(could not read {_logFile}: {exception.Message})";
        }
    }

    private void StartWatchdog()
    {
        // Detached (setsid, stdio on /dev/null) so it outlives a killed test host and Ctrl-C; it exits on its own
        // once the directory is gone, i.e. after a normal Dispose.
        const string Script = """
            exec </dev/null >/dev/null 2>&1
            trap '' INT HUP
            owner="$1"; root="$2"; data="$3"; pg_ctl="$4"; as_service_user="$5"
            while kill -0 "$owner" && [ -d "$root" ]; do sleep 1; done
            # Retried: a command the owner had under way (initdb, pg_ctl start) can still be writing here.
            for attempt in 1 2 3 4 5 6 7 8 9 10; do
              [ -e "$root" ] || exit 0
              if [ -f "$data/postmaster.pid" ]; then
                if [ "$as_service_user" = 1 ]; then
                  runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate -w -t 30 stop
                else
                  "$pg_ctl" -D "$data" -m immediate -w -t 30 stop
                fi
              fi
              rm -rf -- "$root"
              sleep 1
            done
            """;
        var startInfo = new ProcessStartInfo { FileName = "setsid", UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in new[]
                 {
                     "sh", "-c", Script, "appbackend-pg-watchdog",
                     Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _rootDirectory, _dataDirectory,
                     Path.Combine(BinDirectory, "pg_ctl"), _runAsServiceUser ? "1" : "0",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            _watchdog = Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            // Without setsid the explicit and ProcessExit teardown still apply.
            Console.Error.WriteLine($"PostgresCluster: no watchdog ({exception.Message}).");
        }
    }

    private void StopWatchdog()
    {
        var watchdog = Interlocked.Exchange(ref _watchdog, null);
        if (watchdog is null)
        {
            return;
        }

        try
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            watchdog.Dispose();
        }
    }

    private sealed record CommandResult(int ExitCode, string Output);
}
