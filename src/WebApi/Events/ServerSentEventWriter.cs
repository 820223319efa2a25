using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace AppBackend.WebApi.Events;

/// <summary>Writes the <c>text/event-stream</c> format (events and comment lines) and flushes each at once.</summary>
internal sealed class ServerSentEventWriter(PipeWriter output)
{
    /// <summary>
    /// <c>event:</c>, <c>id:</c>, one <c>data:</c> line per line of <paramref name="data"/> (compact JSON has one),
    /// then the blank line that ends the event.
    /// </summary>
    public ValueTask<FlushResult> WriteEventAsync(string type, long id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        output.Write("event: "u8);
        Encoding.UTF8.GetBytes(type, output);
        output.Write("\nid: "u8);
        var digits = output.GetSpan(20);
        id.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        output.Advance(written);
        output.Write("\n"u8);

        var rest = data.Span;
        while (true)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            output.Write("data: "u8);
            output.Write(line);
            output.Write("\n"u8);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        output.Write("\n"u8);
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
