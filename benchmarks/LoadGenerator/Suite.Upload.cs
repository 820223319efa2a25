using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AppBackend.LoadGenerator;

/// <summary>The upload probe: a video through the multipart form, against cp.</summary>
public sealed partial class Suite
{
    /// <summary>
    /// Streams one generated MP4 (an <c>ftyp</c> box, then filler) through the multipart form, sampling the WebApi's
    /// RSS every 20 ms, and compares the throughput with <c>cp</c> of the same file on the same disk. Both sides do the
    /// same work on the disk: the file is synced once written, so both read it from the page cache and neither pays
    /// for its write-back; the reference is <c>cp</c> then <c>sync</c> of the copy (the median of three), because the
    /// upload answers only once its copy is on disk (fsync).
    /// </summary>
    private async Task UploadAsync(ServerProcess webApi, Seeder seeder, string token)
    {
        const string Scenario = "upload of a video: throughput vs cp";
        var draft = (await TaggedApplicationsAsync(seeder, "u")).Single();
        var bytes = settings.UploadMegabytes * 1024L * 1024L;
        var path = Path.Combine(settings.WorkDirectory, "upload.mp4");
        await WriteVideoAsync(path, bytes);
        await RunAsync("sync", path);
        var (copySeconds, plainCopySeconds) = await ReferenceCopySecondsAsync(path, path + ".copy");

        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = webApi.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var file = File.OpenRead(path);
        var part = new StreamContent(file, 1024 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        using var form = new MultipartFormDataContent { { new StringContent(Seeder.QuestionId(0)), "questionId" }, { part, "file", "answer.mp4" } };

        var before = webApi.Memory().Rss;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, webApi.Memory().Rss);
                await Task.Delay(20, CancellationToken.None);
            }
        });
        var cpuBefore = webApi.CpuSeconds();
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"/api/applications/{draft}/video-responses", form);
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        var cpu = webApi.CpuSeconds() - cpuBefore;
        await sampling.CancelAsync();
        await sampler;
        File.Delete(path);

        if (response.StatusCode != HttpStatusCode.Created)
        {
            _rows.Add(new Row(Scenario, null, string.Empty, "cp on the same disk", "-", "≥ 50 % of cp", null,
                $"not measured: the upload answered {(int)response.StatusCode}") { Measurable = false });
            return;
        }

        var megabytes = bytes / (1024.0 * 1024.0);
        var uploadRate = megabytes / uploadSeconds;
        var copyRate = megabytes / copySeconds;
        var growth = peak - before;
        _rows.Add(new Row(
            Scenario, uploadRate, "MB/s", $"cp + sync {copyRate:0} MB/s", Ratio(uploadRate / copyRate), "≥ 0.50 × cp", uploadRate >= 0.5 * copyRate,
            $"{megabytes:0} MB in {uploadSeconds:0.00} s, WebApi CPU {cpu:0.00} s; cp + sync {copySeconds:0.00} s, median of 3 (cp alone {plainCopySeconds:0.00} s)"));
        _rows.Add(new Row(
            "upload of a video: WebApi peak RSS while streaming", peak, "MB", $"{before:0} MB before", "-", "growth < 50 MB", growth < 50,
            $"growth {growth:0.0} MB while {megabytes:0} MB streamed through"));
    }

    private static async Task WriteVideoAsync(string path, long length)
    {
        byte[] ftyp = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
            (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        var chunk = new byte[1024 * 1024];
        new Random(7).NextBytes(chunk);
        await using var stream = File.Create(path);
        await stream.WriteAsync(ftyp);
        for (var written = (long)ftyp.Length; written < length; written += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - written)));
        }
    }

    /// <summary>
    /// The median of three durable copies: one copy's write-back sometimes took a quarter of its usual time (0.45 s
    /// against about 2 s for 500 MB), and a reference measured once then failed the row by itself.
    /// </summary>
    private static async Task<(double Durable, double Plain)> ReferenceCopySecondsAsync(string from, string to)
    {
        var copies = new List<(double Durable, double Plain)>();
        for (var i = 0; i < 3; i++)
        {
            copies.Add(await DurableCopySecondsAsync(from, to));
            File.Delete(to);
        }

        return copies.OrderBy(c => c.Durable).ElementAt(1);
    }

    /// <summary>The time of <c>cp</c> followed by <c>sync</c> of the copy (the copy on disk), and of the <c>cp</c> alone.</summary>
    private static async Task<(double Durable, double Plain)> DurableCopySecondsAsync(string from, string to)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync("cp", from, to);
        var plain = clock.Elapsed.TotalSeconds;
        await RunAsync("sync", to);
        return (clock.Elapsed.TotalSeconds, plain);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"{program} could not be started.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}.");
        }
    }
}
