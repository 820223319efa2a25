using System.Text;
using AppBackend.LoadGenerator;

// The benchmark suite's load generator and driver: see benchmarks/README.md. Exit 0 when every measurable scenario
// produced a positive, finite figure (targets are reported, not enforced), 1 otherwise, 2 on bad arguments.
Settings settings;
try
{
    settings = Settings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("usage: LoadGenerator --postgres <conn> --pgbench-tps <tps> --webapi <apphost> --simulator <apphost> --work <dir> --out <table.md> [--quick] [--only webhooks,flow,poll,coldstart]");
    return 2;
}

using var suite = new Suite(settings);
try
{
    await suite.RunAsync();
}
catch (Exception ex)
{
    Console.Error.WriteLine($"suite set-up failed: {ex}");
}

var rows = suite.Rows;
var table = Report.Markdown(rows);
Console.WriteLine();
Console.WriteLine(table);
await File.WriteAllTextAsync(settings.Output, table, new UTF8Encoding(false));

var insane = rows.Where(r => r.Measurable && !r.Sane).Select(r => r.Scenario).ToList();
if (rows.Count == 0 || insane.Count > 0)
{
    Console.Error.WriteLine($"not every scenario completed with a sane figure: {string.Join("; ", insane)}");
    return 1;
}

return 0;
