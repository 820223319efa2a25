using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AppBackend.IntegrationTests.Media;

/// <summary>
/// Every <c>/media</c> request AppBackend served, as it saw it: its <c>Range</c> header and the status it answered.
/// A middleware put in front of AppBackend's own pipeline, so what is recorded is what a player really asked.
/// </summary>
public sealed class MediaRequestLog : IStartupFilter
{
    private readonly ConcurrentQueue<MediaRequest> _requests = new();

    public sealed record MediaRequest(string Path, string? Range, int Status);

    public IReadOnlyList<MediaRequest> Requests => [.. _requests];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            await following(context);
            if (context.Request.Path.StartsWithSegments("/media"))
            {
                var range = context.Request.Headers.Range;
                _requests.Enqueue(new MediaRequest(context.Request.Path, range.Count == 0 ? null : range.ToString(), context.Response.StatusCode));
            }
        });
        next(app);
    };
}
