using System.Text;
using AppBackend.Application.Common.Media;

namespace AppBackend.UnitTests.Application.Common.Media;

public class VideoSignaturesTests
{
    public static TheoryData<string, byte[], string> Videos() => new()
    {
        { "mp4 isom", Ftyp("isom"), "video/mp4" },
        { "mp4 mp42", Ftyp("mp42"), "video/mp4" },
        { "m4v", Ftyp("M4V "), "video/mp4" },
        { "quicktime", Ftyp("qt  "), "video/quicktime" },
        { "3gp", Ftyp("3gp4"), "video/3gpp" },
        { "3g2", Ftyp("3g2a"), "video/3gpp2" },
        { "webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8], "video/webm" },
        { "matroska", [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x82, 0x88, .. "matroska"u8], "video/x-matroska" },
        { "avi", [.. "RIFF"u8, 1, 2, 3, 4, .. "AVI LIST"u8], "video/x-msvideo" },
        { "mpeg-ps", [0x00, 0x00, 0x01, 0xBA, 0x44], "video/mpeg" },
        { "mpeg-ts", Packets(offset: 0, packet: 188, count: 3), "video/mp2t" },
        { "m2ts", Packets(offset: 4, packet: 192, count: 3), "video/mp2t" },
        { "ogg", [.. "OggS"u8, 0, 2], "video/ogg" },
    };

    public static TheoryData<string, byte[]> NotVideos() => new()
    {
        { "empty", [] },
        { "png", [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A] },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0] },
        { "gif", [.. "GIF89a"u8] },
        { "pdf", [.. "%PDF-1.7"u8] },
        { "wav", [.. "RIFF"u8, 1, 2, 3, 4, .. "WAVEfmt "u8] },
        { "heic", Ftyp("heic") },
        { "avif", Ftyp("avif") },
        { "m4a", Ftyp("M4A ") },
        { "ftyp too short", [0, 0, 0, 24, .. "ftyp"u8, .. "is"u8] },
        { "ftyp box too small", [0, 0, 0, 8, .. "ftypisom"u8] },
        { "a lone 0x47", Packets(offset: 0, packet: 188, count: 1) },
        { "0x47 that does not recur", [0x47, .. new byte[400]] },
        { "text", Encoding.ASCII.GetBytes("hello, this is not a video at all") },
    };

    [Theory]
    [MemberData(nameof(Videos))]
    public void Detect_AKnownContainer_ReturnsItsContentType(string what, byte[] head, string contentType)
    {
        var format = VideoSignatures.Detect(head);

        format.Should().NotBeNull(what);
        format!.ContentType.Should().Be(contentType, what);
        VideoSignatures.ContentTypes.Should().Contain(contentType);
    }

    [Theory]
    [MemberData(nameof(NotVideos))]
    public void Detect_AnythingElse_ReturnsNull(string what, byte[] head) =>
        VideoSignatures.Detect(head).Should().BeNull(what);

    private static byte[] Ftyp(string brand) =>
        [0, 0, 0, 24, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(brand)];

    private static byte[] Packets(int offset, int packet, int count)
    {
        var bytes = new byte[offset + (packet * count)];
        for (var i = 0; i < count; i++)
        {
            bytes[offset + (i * packet)] = 0x47;
        }

        return bytes;
    }
}
