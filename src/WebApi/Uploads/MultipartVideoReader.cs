using System.Text;
using AppBackend.Application.Common.Media;
using AppBackend.Application.Common.Ports;
using AppBackend.WebApi.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AppBackend.WebApi.Uploads;

/// <summary>
/// Reads the <c>multipart/form-data</c> form of <c>POST /api/applications/{id}/video-responses</c> straight from
/// the request body with <see cref="MultipartReader"/> (never <c>IFormFile</c>, which buffers): the <c>file</c>
/// part is checked on its header and first bytes, then streamed to <see cref="IMediaStore.StageAsync"/> with
/// the size limit, so the whole video is never in memory. The <c>questionId</c> field may come before or after it;
/// other parts are skipped.
/// </summary>
internal static class MultipartVideoReader
{
    public const string QuestionIdField = "questionId";
    public const string FileField = "file";

    /// <summary>Room in the request body for the multipart framing and the small fields around the file.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>
    /// The form reader's buffer, the most one read of a part returns (the reader's default, 4 KiB, made a 500 MB
    /// upload 128,000 reads and as many small writes); pooled, so a larger one costs no allocation per upload.
    /// </summary>
    private const int ReadBufferBytes = 64 * 1024;

    private const int MaxFieldCharacters = 1024;
    private const int MaxBoundaryLength = 70;

    /// <summary>Whether the request's content type is <c>multipart/form-data</c> (not the urlencoded form).</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the form of <paramref name="context"/>'s request. The body may be at most <paramref name="maxFileBytes"/>
    /// plus <see cref="FormOverheadBytes"/> (a larger Content-Length is refused before anything is read); the file
    /// itself is held to exactly <paramref name="maxFileBytes"/> while it streams, so a body without a Content-Length
    /// cannot run over either.
    /// </summary>
    public static async Task<VideoUploadForm> ReadAsync(HttpContext context, IMediaStore media, long maxFileBytes, CancellationToken cancellationToken)
    {
        var form = new VideoUploadForm();
        var request = context.Request;
        var maxBodyBytes = maxFileBytes > long.MaxValue - FormOverheadBytes ? long.MaxValue : maxFileBytes + FormOverheadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBodyBytes;
        }

        if (request.ContentLength > maxBodyBytes)
        {
            return form.Refuse(MediaProblems.TooLarge(maxFileBytes));
        }

        try
        {
            var boundary = Boundary(request.ContentType);
            if (boundary is null)
            {
                return form.Refuse(MediaProblems.MalformedForm("The multipart/form-data content type needs a boundary of at most 70 characters."));
            }

            var reader = new MultipartReader(boundary, request.Body, ReadBufferBytes);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                var refusal = name switch
                {
                    FileField => await ReadFileAsync(section, form, media, maxFileBytes, cancellationToken),
                    QuestionIdField => await ReadQuestionIdAsync(section, form, cancellationToken),
                    _ => null, // skipped: the reader drains it on the way to the next part
                };
                if (refusal is not null)
                {
                    return form.Refuse(refusal);
                }
            }

            return form;
        }
        catch (Exception exception) when (IsMalformedForm(exception))
        {
            return form.Refuse(MediaProblems.MalformedForm("The multipart/form-data body is malformed: a part's headers are too long, or the body ends before the closing boundary."));
        }
        catch
        {
            // A body over the request limit, a client that went away: drop what was staged, then let it be handled.
            await form.DisposeAsync();
            throw;
        }
    }

    private static async Task<ProblemHttpResult?> ReadFileAsync(
        MultipartSection section, VideoUploadForm form, IMediaStore media, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (form.Video is not null)
        {
            return MediaProblems.InvalidField(FileField, "Send one file part named 'file'; this form has more.");
        }

        if (!MediaTypeHeaderValue.TryParse(section.ContentType, out var type)
            || !type.Type.Equals("video", StringComparison.OrdinalIgnoreCase)
            || type.SubType.Length == 0)
        {
            return MediaProblems.NotVideoType();
        }

        // The first bytes say what the file is; the store then receives them and the rest, the file whole.
        var head = new byte[VideoSignatures.HeadLength];
        var length = await section.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var format = VideoSignatures.Detect(head.AsSpan(0, length));
        if (format is null)
        {
            return MediaProblems.NotVideoContent();
        }

        form.Video = await media.StageAsync(new PeekedStream(head.AsMemory(0, length), section.Body), format.ContentType, maxFileBytes, cancellationToken);
        return form.Video is null ? MediaProblems.TooLarge(maxFileBytes) : null;
    }

    private static async Task<ProblemHttpResult?> ReadQuestionIdAsync(MultipartSection section, VideoUploadForm form, CancellationToken cancellationToken)
    {
        if (form.QuestionId is not null)
        {
            return MediaProblems.InvalidField(QuestionIdField, "Send 'questionId' once.");
        }

        using var reader = new StreamReader(section.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[MaxFieldCharacters + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxFieldCharacters)
        {
            return MediaProblems.InvalidField(QuestionIdField, $"'questionId' may be at most {MaxFieldCharacters} characters.");
        }

        form.QuestionId = new string(buffer, 0, length);
        return null;
    }

    /// <summary>
    /// What <see cref="MultipartReader"/> throws for a body that is whole but not a valid form: headers over its limits
    /// (<see cref="InvalidDataException"/>), or an end before the closing boundary (a plain <see cref="IOException"/>).
    /// Derived IO exceptions are something else: the request cut off or over its size limit
    /// (<see cref="BadHttpRequestException"/>), the client gone; those are left to the exception handler.
    /// </summary>
    private static bool IsMalformedForm(Exception exception) =>
        exception is InvalidDataException || exception.GetType() == typeof(IOException);

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
        return boundary.Length is > 0 and <= MaxBoundaryLength ? boundary : null;
    }
}
