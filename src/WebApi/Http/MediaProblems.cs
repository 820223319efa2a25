using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppBackend.WebApi.Http;

/// <summary>The refusals of the upload form and of the signed media URLs.</summary>
internal static class MediaProblems
{
    public static ProblemHttpResult Unsigned() =>
        Problem(StatusCodes.Status401Unauthorized, "media.unsigned", "Media is served only at a signed URL (with 'exp' and 'sig'), as AppBackend gives it out.");

    public static ProblemHttpResult BadSignature() =>
        Problem(StatusCodes.Status403Forbidden, "media.bad_signature", "The media URL's signature does not match it; the URL was altered or not made by AppBackend.");

    public static ProblemHttpResult Expired() =>
        Problem(StatusCodes.Status403Forbidden, "media.url_expired", "The media URL has expired; fetch the application again for a fresh one.");

    public static ProblemHttpResult RangeNotSatisfiable(long length) =>
        Problem(StatusCodes.Status416RangeNotSatisfiable, "media.range_not_satisfiable", $"The requested range lies outside the video, which is {length.ToString(CultureInfo.InvariantCulture)} bytes long.");

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "media.too_large", $"A video file may be at most {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes; nothing was stored.");

    public static ProblemHttpResult NotVideoType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "media.not_a_video", "The 'file' part must be sent with a video/* content type.");

    public static ProblemHttpResult NotVideoContent() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "media.not_a_video", "The 'file' part is not a video: its bytes are not MP4, QuickTime, 3GP, WebM, Matroska, AVI, MPEG-PS, MPEG-TS or Ogg.");

    public static ProblemHttpResult UnsupportedContentType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "upload.unsupported_content_type", "Send the video as JSON (application/json: questionId and videoUrl) or as a form (multipart/form-data: questionId and file).");

    public static ProblemHttpResult MalformedForm(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "upload.malformed_form", detail);

    /// <summary>A validation problem naming one form field, shaped like those of the exception handler.</summary>
    public static ProblemHttpResult InvalidField(string field, string message) =>
        TypedResults.Problem(ProblemMapping.Validation(new Dictionary<string, string[]> { [field] = [message] }));

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(ProblemMapping.Coded(status, code, detail));
}
