using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>The cold start scenario.</summary>
public sealed partial class Suite
{
    private async Task ColdStartAsync()
    {
        var directory = Path.Combine(settings.WorkDirectory, "cold");
        Directory.CreateDirectory(directory);
        var port = ServerProcess.FreePort();
        var environment = WebApiEnvironment(port);
        environment["Database__Provider"] = "sqlite";
        environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory, "cold.db")}";

        // The first start creates and migrates the database; the timed starts find it migrated.
        using (var first = ServerProcess.Start(settings.WebApi, [], environment, port, Path.Combine(settings.WorkDirectory, "webapi-cold.log"), directory))
        {
            await first.WaitHealthyAsync(_probe, "/health/ready", TimeSpan.FromSeconds(60));
        }

        var samples = new List<double>();
        var cpu = new List<double>();

        // The database is migrated once the server listens, so /health/live comes first: when the instance is ready
        // (/health/ready: migrations checked, database answering) is measured too, so that work moved past /health/live
        // stays in sight.
        var ready = new List<double>();
        var readyCpu = new List<double>();
        await Step($"cold start: {settings.ColdStarts} starts of the published WebApi to /health/live (SQLite, migrated)", async () =>
        {
            for (var i = 0; i < settings.ColdStarts; i++)
            {
                using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
                var clock = Stopwatch.StartNew();
                using var process = ServerProcess.Start(settings.WebApi, [], environment, port, Path.Combine(settings.WorkDirectory, "webapi-cold.log"), directory);
                await process.WaitHealthyAsync(probe, "/health/live", TimeSpan.FromSeconds(30));
                samples.Add(clock.Elapsed.TotalSeconds);
                cpu.Add(process.CpuSeconds());
                await process.WaitHealthyAsync(probe, "/health/ready", TimeSpan.FromSeconds(30));
                ready.Add(clock.Elapsed.TotalSeconds);
                readyCpu.Add(process.CpuSeconds());
            }
        });
        var median = Median(samples);
        _rows.Add(new Row(
            "cold start: published WebApi to /health/live (SQLite, migrated)", median, "s", "-", "-", "< 1.0 s", median < 1.0,
            $"median of {samples.Count}: {string.Join(", ", samples.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s; "
            + $"CPU used by then, median {Median(cpu):0.00} s; /health/ready after {Median(ready):0.00} s, CPU {Median(readyCpu):0.00} s"));
    }
}
