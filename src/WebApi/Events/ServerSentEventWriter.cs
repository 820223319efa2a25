using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace AppBackend.WebApi.Events;

/// <summary>
/// The <c>text/event-stream</c> format: an event is framed once (<see cref="Frame"/>) and those bytes are what every
/// stream sending it writes; events and comment lines are flushed at once.
/// </summary>
internal sealed class ServerSentEventWriter(PipeWriter output)
{
    /// <summary>
    /// <c>event:</c>, <c>id:</c>, one <c>data:</c> line per line of <paramref name="data"/> (compact JSON has one),
    /// then the blank line that ends the event.
    /// </summary>
    public static byte[] Frame(string type, long id, ReadOnlySpan<byte> data)
    {
        var frame = new ArrayBufferWriter<byte>(data.Length + 64);
        frame.Write("event: "u8);
        Encoding.UTF8.GetBytes(type, frame);
        frame.Write("\nid: "u8);
        var digits = frame.GetSpan(20);
        id.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        frame.Advance(written);
        frame.Write("\n"u8);

        var rest = data;
        while (true)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            frame.Write("data: "u8);
            frame.Write(line);
            frame.Write("\n"u8);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        frame.Write("\n"u8);
        return frame.WrittenSpan.ToArray();
    }

    /// <summary>An event framed by <see cref="Frame"/>.</summary>
    public ValueTask<FlushResult> WriteEventAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        output.Write(frame.Span);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary>A comment line (<c>: text</c>), which clients ignore; it keeps an idle connection alive.</summary>
    public ValueTask<FlushResult> WriteCommentAsync(string text, CancellationToken cancellationToken)
    {
        output.Write(": "u8);
        Encoding.UTF8.GetBytes(text, output);
        output.Write("\n\n"u8);
        return output.FlushAsync(cancellationToken);
    }
}
