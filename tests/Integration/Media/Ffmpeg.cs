using System.Diagnostics;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// The real <c>ffmpeg</c> and <c>ffprobe</c> (Debian's packages; <c>scripts/test.sh</c> installs them when missing).
/// A missing binary fails the test with that reason: it never skips.
/// </summary>
public static class Ffmpeg
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public sealed record Run(int ExitCode, string Output, string Errors);

    /// <summary>
    /// A real H.264 MP4 of <paramref name="seconds"/> seconds (ffmpeg's test pattern), lossless so it is a few hundred
    /// kilobytes, with its index (<c>moov</c>) after the media data as ffmpeg writes it by default: a reader over HTTP
    /// must seek, with range requests, to find it.
    /// </summary>
    public static async Task<byte[]> TestPatternMp4Async(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"appbackend-testsrc-{Guid.NewGuid():N}.mp4");
        try
        {
            var run = await RunAsync(
                "ffmpeg",
                "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size=640x480:rate=25",
                "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", path);
            run.ExitCode.Should().Be(0, "ffmpeg should make the test video: {0}", run.Errors);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary><c>ffprobe</c> of a URL: the container's duration and its video stream's codec and size, one per line.</summary>
    public static Task<Run> ProbeAsync(string url) =>
        RunAsync(
            "ffprobe",
            "-v", "error", "-show_entries", "format=duration:stream=codec_name,width,height",
            "-of", "default=noprint_wrappers=1", url);

    public static async Task<Run> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{tool}' is not installed (apt-get install -y ffmpeg); the playback tests need it.", ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within {Timeout.TotalSeconds} s.");
            }

            return new Run(process.ExitCode, await output, await errors);
        }
    }
}
