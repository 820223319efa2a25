using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AppBackend.IntegrationTests.Media;

/// <summary>The status, headers and body of an answer, and how much of the request body was sent before it came.</summary>
public sealed record RawHttpAnswer(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body, long BodyBytesSent);

/// <summary>
/// A multipart upload over a bare socket that reads the answer while it is still sending, as browsers and curl do.
/// <see cref="HttpClient"/> reads an answer only after it has sent the whole body, so it cannot see a server refuse a
/// body early: once the server stops reading and closes, its send fails first. Used for bodies far over the limit.
/// </summary>
public static class RawHttpUpload
{
    private const string Boundary = "raw-upload-boundary-7d9a1c";

    /// <param name="withContentLength">Send a Content-Length; otherwise the body is chunked and its length unknown to the server.</param>
    public static async Task<RawHttpAnswer> PostAsync(
        Uri server, string path, string token, string questionId, long fileLength, bool withContentLength, CancellationToken cancellationToken)
    {
        var prefix = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"questionId\"\r\n\r\n{questionId}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        var suffix = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        var framing = withContentLength
            ? $"Content-Length: {(prefix.Length + fileLength + suffix.Length).ToString(CultureInfo.InvariantCulture)}"
            : "Transfer-Encoding: chunked";
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\n{framing}\r\nConnection: close\r\n\r\n");

        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = socket.GetStream();
        await stream.WriteAsync(head, cancellationToken);

        var sent = 0L;
        var sending = Task.Run(
            async () =>
            {
                try
                {
                    await WriteAsync(stream, prefix, withContentLength, cancellationToken);
                    var file = new GeneratedVideoStream(fileLength);
                    var buffer = new byte[64 * 1024];
                    int read;
                    while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        await WriteAsync(stream, buffer.AsMemory(0, read), withContentLength, cancellationToken);
                        Interlocked.Add(ref sent, read);
                    }

                    await WriteAsync(stream, suffix, withContentLength, cancellationToken);
                    if (!withContentLength)
                    {
                        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
                    }
                }
                catch (IOException)
                {
                    // The server answered and closed: the rest of the body is not wanted.
                }
            },
            cancellationToken);

        var answer = await ReadAnswerAsync(stream, cancellationToken);
        await sending;
        return answer with { BodyBytesSent = Interlocked.Read(ref sent) };
    }

    private static async Task WriteAsync(NetworkStream stream, ReadOnlyMemory<byte> bytes, bool withContentLength, CancellationToken cancellationToken)
    {
        if (!withContentLength)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), cancellationToken);
        }

        await stream.WriteAsync(bytes, cancellationToken);
        if (!withContentLength)
        {
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }
    }

    /// <summary>Reads until the server closes (it does, having refused the body), then parses the one answer.</summary>
    private static async Task<RawHttpAnswer> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
                if (TryParse(received.ToArray(), out var complete))
                {
                    return complete;
                }
            }
        }
        catch (IOException)
        {
            // A reset after the answer: parse what arrived.
        }

        return TryParse(received.ToArray(), out var answer)
            ? answer
            : throw new InvalidOperationException($"No complete answer arrived: '{Encoding.ASCII.GetString(received.ToArray())}'.");
    }

    private static bool TryParse(byte[] bytes, out RawHttpAnswer answer)
    {
        answer = null!;
        var text = Encoding.UTF8.GetString(bytes);
        var endOfHead = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (endOfHead < 0)
        {
            return false;
        }

        var lines = text[..endOfHead].Split("\r\n");
        var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var rest = text[(endOfHead + 4)..];
        string? body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            var expected = int.Parse(length, CultureInfo.InvariantCulture);
            body = rest.Length >= expected ? rest[..expected] : null;
        }
        else
        {
            body = Dechunk(rest);
        }

        if (body is null)
        {
            return false;
        }

        answer = new RawHttpAnswer(status, headers, body, 0);
        return true;
    }

    /// <summary>The body of a complete chunked answer, or null while the last chunk has not arrived.</summary>
    private static string? Dechunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var endOfSize = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (endOfSize < 0)
            {
                return null;
            }

            var size = int.Parse(chunked[at..endOfSize], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToString();
            }

            if (chunked.Length < endOfSize + 2 + size + 2)
            {
                return null;
            }

            body.Append(chunked, endOfSize + 2, size);
            at = endOfSize + 2 + size + 2;
        }
    }
}
