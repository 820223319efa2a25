using AppBackend.IntegrationTests.Interop;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// The real <c>ffmpeg</c> and <c>ffprobe</c> (Debian's packages; <c>scripts/test.sh</c> installs them when missing).
/// A missing binary fails the test with that reason: it never skips.
/// </summary>
public static class Ffmpeg
{
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
            run.ExitCode.Should().Be(0, "ffmpeg should make the test video: {0}", run.Stderr);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary><c>ffprobe</c> of a URL: the container's duration and its video stream's codec and size, one per line.</summary>
    public static Task<ToolRun> ProbeAsync(string url) =>
        RunAsync(
            "ffprobe",
            "-v", "error", "-show_entries", "format=duration:stream=codec_name,width,height",
            "-of", "default=noprint_wrappers=1", url);

    public static Task<ToolRun> RunAsync(string tool, params string[] arguments) => ExternalTool.RunAsync(tool, arguments);
}
