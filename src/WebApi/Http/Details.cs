namespace AppBackend.WebApi.Http;

/// <summary>The <c>detail</c> of problems written by the framework itself (unknown route, wrong method, missing token).</summary>
internal static class Details
{
    public static string For(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "A valid bearer token is required.",
        403 => "The token's role does not allow this operation.",
        404 => "Nothing exists at this address.",
        405 => "This address does not accept that HTTP method.",
        406 => "The requested representation is not available.",
        413 => "The request body is larger than this endpoint accepts.",
        415 => "The content type is not supported here.",
        416 => "The requested range lies outside the content; see Content-Range for its length.",
        503 => "The service is temporarily unavailable; try again shortly.",
        _ => "The server could not complete the request.",
    };
}
