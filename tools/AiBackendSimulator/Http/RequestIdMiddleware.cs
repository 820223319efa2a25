using System.Text.RegularExpressions;

namespace AppBackend.AiBackendSimulator.Http;

/// <summary>Echoes a safe caller <c>X-Request-Id</c> (or makes one), as the contract asks of every response.</summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        string? sent = context.Request.Headers[HeaderName];
        var requestId = sent is not null && SafeToken().IsMatch(sent) ? sent : Guid.NewGuid().ToString("N");
        context.Response.Headers[HeaderName] = requestId;
        return next(context);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex SafeToken();
}
