using System.Buffers;
using AppBackend.Application.Common.Logging;
using AppBackend.Infrastructure.Context;

namespace AppBackend.WebApi.Http;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the caller's value when it is a safe token of at most 128
/// characters, otherwise a new one. It becomes the request's <see cref="HttpContext.TraceIdentifier"/>.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    private static readonly SearchValues<char> SafeCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName];
        var requestId = incoming.Count == 1 && IsSafe(incoming[0]) ? incoming[0]! : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        context.RequestServices.GetRequiredService<ScopedRequestContext>().RequestId = requestId;

        // Set when the response starts, not now: the exception handler clears headers before writing a problem.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        // Every line written while serving the request carries its id.
        var scope = new LogScope();
        scope.Set("requestId", requestId);
        using (logger.BeginScope(scope))
        {
            await next(context);
        }
    }

    public static bool IsSafe(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(SafeCharacters);
}
