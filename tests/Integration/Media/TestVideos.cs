using System.Text;

namespace AppBackend.IntegrationTests.Media;

/// <summary>Bytes that start like the containers AppBackend accepts (and like some it must refuse), made in the test.</summary>
public static class TestVideos
{
    /// <summary>An MP4 of <paramref name="length"/> bytes: an <c>ftyp</c> box (brand <c>isom</c>), then reproducible noise.</summary>
    public static byte[] Mp4(int length, int seed = 1) => WithHead(Ftyp("isom"), length, seed);

    public static byte[] WithHead(byte[] head, int length, int seed = 1)
    {
        var bytes = new byte[Math.Max(length, head.Length)];
        new Random(seed).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>An <c>ftyp</c> box of 24 bytes: size, <c>ftyp</c>, the major brand, minor version 0, one compatible brand.</summary>
    public static byte[] Ftyp(string brand) =>
        [0, 0, 0, 24, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(brand)];

    /// <summary>The first bytes of each accepted container, with the content type AppBackend serves it as.</summary>
    public static TheoryData<string, byte[], string> Containers() => new()
    {
        { "mp4", Ftyp("isom"), "video/mp4" },
        { "mov", Ftyp("qt  "), "video/quicktime" },
        { "3gp", Ftyp("3gp5"), "video/3gpp" },
        { "webm", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8], "video/webm" },
        { "mkv", [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88, .. "matroska"u8], "video/x-matroska" },
        { "avi", [.. "RIFF"u8, 0x00, 0x10, 0x00, 0x00, .. "AVI LIST"u8], "video/x-msvideo" },
        { "mpeg-ps", [0x00, 0x00, 0x01, 0xBA, 0x44, 0x00, 0x04, 0x00], "video/mpeg" },
        { "mpeg-ts", TransportStream(3), "video/mp2t" },
        { "ogg", [.. "OggS"u8, 0x00, 0x02], "video/ogg" },
    };

    /// <summary>Things that are not videos, even when their part claims <c>video/mp4</c>.</summary>
    public static TheoryData<string, byte[]> NotVideos() => new()
    {
        { "png", [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8] },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8] },
        { "pdf", [.. "%PDF-1.7\n"u8] },
        { "heic image", Ftyp("heic") },
        { "m4a audio", Ftyp("M4A ") },
        { "wav audio", [.. "RIFF"u8, 0x00, 0x10, 0x00, 0x00, .. "WAVEfmt "u8] },
        { "text starting with G", [.. "GIF89a and more text"u8] },
    };

    /// <summary><paramref name="packets"/> MPEG-TS packets: the 0x47 sync byte every 188 bytes.</summary>
    public static byte[] TransportStream(int packets)
    {
        var bytes = new byte[188 * packets];
        for (var i = 0; i < packets; i++)
        {
            bytes[i * 188] = 0x47;
        }

        return bytes;
    }
}
