using AppBackend.Application.Common.Media;
using AppBackend.Application.JobApplications.OpenVideoMedia;
using AppBackend.Infrastructure.Media;
using AppBackend.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AppBackend.WebApi.Endpoints;

/// <summary>
/// <c>GET /media/{videoResponseId}?exp=…&amp;sig=…</c> (contract section 4): the stored uploads, for the AI backend
/// and for playback. Authenticated by the URL's signature only; the signature is checked before anything is looked
/// up, so a bad signature never tells whether the video exists. Ranges are served (<c>206</c>).
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/media/{videoResponseId}", [HttpMethods.Get, HttpMethods.Head], GetMedia)
            .WithTags("Media")
            .AllowAnonymous()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [.. VideoSignatures.ContentTypes]))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status206PartialContent, typeof(Stream), [.. VideoSignatures.ContentTypes]))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable);
        return app;
    }

    /// <param name="exp">The expiry, in Unix seconds.</param>
    /// <param name="sig">The signature over the path and <paramref name="exp"/>. A repeated parameter arrives joined with
    /// commas, which no signature matches.</param>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetMedia(
        string videoResponseId,
        [FromQuery(Name = MediaUrlSigner.ExpiryParameter)] string? exp,
        [FromQuery(Name = MediaUrlSigner.SignatureParameter)] string? sig,
        HttpContext context,
        MediaUrlSigner signer,
        ISender sender,
        CancellationToken cancellationToken)
    {
        switch (signer.Verify(videoResponseId, exp, sig))
        {
            case MediaSignatureCheck.Unsigned:
                return MediaProblems.Unsigned();
            case MediaSignatureCheck.BadSignature:
                return MediaProblems.BadSignature();
            case MediaSignatureCheck.Expired:
                return MediaProblems.Expired();
        }

        var result = await sender.Send(new OpenVideoMediaQuery(videoResponseId), cancellationToken);
        if (result.IsFailure)
        {
            return result.Error.ToProblem();
        }

        var media = result.Value;
        var rangeApplies = RangeRequests.RangeApplies(context.Request, media.LastModified);
        if (rangeApplies && RangeRequests.IsUnsatisfiable(context.Request, media.Length))
        {
            await media.Content.DisposeAsync();
            context.Response.Headers.ContentRange = $"bytes */{media.Length}";
            return MediaProblems.RangeNotSatisfiable(media.Length);
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (!rangeApplies)
        {
            // An If-Range that does not match: the whole video (200), still announcing that ranges are served.
            context.Response.Headers.AcceptRanges = "bytes";
        }

        return TypedResults.Stream(media.Content, media.ContentType, lastModified: media.LastModified, enableRangeProcessing: rangeApplies);
    }
}
