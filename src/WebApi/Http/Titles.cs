namespace AppBackend.WebApi.Http;

internal static class Titles
{
    public static string For(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Authentication is required.",
        403 => "The caller may not do this.",
        404 => "The resource does not exist.",
        409 => "The request conflicts with the resource's current state.",
        413 => "The request body is too large.",
        415 => "The content type is not supported.",
        416 => "The requested range cannot be served.",
        422 => "The request cannot be processed in the resource's current state.",
        503 => "The service is temporarily unavailable.",
        _ => "An unexpected error occurred.",
    };
}
