using System.Text;

namespace AppBackend.Application.Common.Media;

/// <summary>
/// Recognises video containers by their magic numbers, so that what is stored and served as a video is one
/// whatever the client's <c>Content-Type</c> says. The content type served is the one of the container found,
/// never the client's.
/// </summary>
public static class VideoSignatures
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most (three MPEG-TS packets and a byte).</summary>
    public const int HeadLength = 512;

    private const byte TsSync = 0x47;
    private const int TsPacket = 188;
    private const int M2tsPacket = 192;

    private static readonly VideoFormat Mp4 = new("mp4", "video/mp4");
    private static readonly VideoFormat QuickTime = new("quicktime", "video/quicktime");
    private static readonly VideoFormat ThreeGpp = new("3gpp", "video/3gpp");
    private static readonly VideoFormat ThreeGpp2 = new("3gpp2", "video/3gpp2");
    private static readonly VideoFormat WebM = new("webm", "video/webm");
    private static readonly VideoFormat Matroska = new("matroska", "video/x-matroska");
    private static readonly VideoFormat Avi = new("avi", "video/x-msvideo");
    private static readonly VideoFormat MpegPs = new("mpeg-ps", "video/mpeg");
    private static readonly VideoFormat MpegTs = new("mpeg-ts", "video/mp2t");
    private static readonly VideoFormat Ogg = new("ogg", "video/ogg");

    /// <summary>Every content type a stored video can be served with.</summary>
    public static readonly IReadOnlyList<string> ContentTypes =
        [.. new[] { Mp4, QuickTime, ThreeGpp, ThreeGpp2, WebM, Matroska, Avi, MpegPs, MpegTs, Ogg }.Select(f => f.ContentType)];

    /// <summary>
    /// ISO base media brands that are not video: still images and image sequences (HEIF, AVIF) and audio-only
    /// MPEG-4. They share the <c>ftyp</c> box with MP4, MOV and 3GP.
    /// </summary>
    private static readonly HashSet<string> NonVideoBrands =
    [
        "avif", "avis", "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "crx ",
        "M4A ", "M4B ", "M4P ", "F4A ", "F4B ",
    ];

    /// <summary>The container <paramref name="head"/> (a file's first bytes, up to <see cref="HeadLength"/>) starts, or null when it is no known video.</summary>
    public static VideoFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoBaseMedia(head);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // EBML; the DocType in the header that follows names the flavour.
            return head.IndexOf("webm"u8) >= 0 ? WebM : Matroska;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("AVI "u8))
        {
            return Avi;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xBA]))
        {
            return MpegPs;
        }

        if (head.StartsWith("OggS"u8))
        {
            return Ogg;
        }

        return IsTransportStream(head, 0, TsPacket) || IsTransportStream(head, 4, M2tsPacket) ? MpegTs : null;
    }

    private static VideoFormat? IsoBaseMedia(ReadOnlySpan<byte> head)
    {
        var boxSize = (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]);
        if (boxSize is > 1 and < 16)
        {
            // Too small for an ftyp box (size, type, major brand, minor version); 0 and 1 are the special sizes.
            return null;
        }

        var brand = Encoding.ASCII.GetString(head[8..12]);
        if (NonVideoBrands.Contains(brand))
        {
            return null;
        }

        return brand switch
        {
            "qt  " => QuickTime,
            _ when brand.StartsWith("3g2", StringComparison.Ordinal) => ThreeGpp2,
            _ when brand.StartsWith("3g", StringComparison.Ordinal) => ThreeGpp,
            _ => Mp4,
        };
    }

    /// <summary>
    /// A single <c>0x47</c> is too weak a signature (it is the letter <c>G</c>), so the sync byte must recur at
    /// the start of each following packet in <paramref name="head"/>, and there must be at least two packets.
    /// <paramref name="offset"/> is 4 for M2TS (a timestamp before every 188-byte packet).
    /// </summary>
    private static bool IsTransportStream(ReadOnlySpan<byte> head, int offset, int packet)
    {
        if (head.Length <= offset + packet)
        {
            return false;
        }

        for (var at = offset; at < head.Length; at += packet)
        {
            if (head[at] != TsSync)
            {
                return false;
            }
        }

        return true;
    }
}
