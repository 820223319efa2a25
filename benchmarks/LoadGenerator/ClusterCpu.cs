using System.Globalization;

namespace AppBackend.LoadGenerator;

/// <summary>
/// CPU time the whole PostgreSQL cluster has used so far: the postmaster, its live children (backends, WAL writer,
/// checkpointer…) and the children it has reaped (<c>cutime</c>/<c>cstime</c> of the postmaster), from /proc.
/// The cluster is the one whose data directory holds <c>postmaster.pid</c>, so other clusters on the machine do not count.
/// </summary>
public sealed class ClusterCpu(int postmasterPid)
{
    public static async Task<ClusterCpu> OfAsync(Seeder seeder)
    {
        var dataDirectory = (await seeder.RowsAsync("SHOW data_directory"))[0][0];
        var pid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);
        return new ClusterCpu(pid);
    }

    public double Seconds()
    {
        var postmaster = Stat(postmasterPid) ?? throw new InvalidOperationException($"PostgreSQL postmaster {postmasterPid} is gone.");

        // After "pid (comm) ", index 1 is ppid; 11, 12 utime, stime; 13, 14 cutime, cstime (clock ticks of 10 ms).
        var ticks = Ticks(postmaster, 11) + Ticks(postmaster, 12) + Ticks(postmaster, 13) + Ticks(postmaster, 14);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == postmasterPid)
            {
                continue;
            }

            if (Stat(pid) is { } child && Ticks(child, 1) == postmasterPid)
            {
                ticks += Ticks(child, 11) + Ticks(child, 12);
            }
        }

        return ticks / 100.0;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            // Exited between the listing and the read: its time is in the postmaster's cutime once reaped.
            return null;
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
