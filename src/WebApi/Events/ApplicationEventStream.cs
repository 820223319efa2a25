using System.Reflection;
using System.Runtime.CompilerServices;
using AppBackend.Application.Common.Ports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Events;

/// <summary>
/// The body of <c>GET /api/applications/{id}/events</c>, once access and the start are settled: writes what
/// <see cref="ApplicationEventCursor"/> says comes next, each as <c>event: status</c> with the version as <c>id</c> and
/// the view at it as <c>data</c>, and a comment line every <c>Events:KeepAliveInterval</c>. It ends when the client
/// goes, the server stops, or the cursor cannot go on.
/// </summary>
public sealed partial class ApplicationEventStream(IApplicationEventSubscription subscription, ApplicationEventCursor cursor) : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/event-stream";
    public const string EventType = "status";

    /// <summary>
    /// Each event's frame, made by the first stream that sends it: the hub hands every stream of an application the same
    /// <see cref="StreamedEvent"/>, so a change is framed once per instance and every stream writes the same bytes. An
    /// entry lives as long as its event (in the hub's buffer, or a replay's own read).
    /// </summary>
    private static readonly ConditionalWeakTable<StreamedEvent, byte[]> Frames = new();

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [ContentType]));

    public async Task ExecuteAsync(HttpContext context)
    {
        try
        {
            await StreamAsync(context);
        }
        finally
        {
            subscription.Dispose();
        }
    }

    private async Task StreamAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var keepAliveInterval = services.GetRequiredService<IOptions<EventStreamOptions>>().Value.KeepAliveInterval;
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<ApplicationEventStream>>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        // The client going away or the server shutting down ends the stream; a graceful shutdown would otherwise
        // wait for every open stream until its timeout.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = stop.Token;

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var writer = new ServerSentEventWriter(response.BodyWriter);
        var applicationId = subscription.ApplicationId;
        try
        {
            LogStreamOpened(logger, applicationId, cursor.Position, cursor.IsReplay);
            if (!await StartAsync(response, writer, cursor, cancellationToken))
            {
                return;
            }

            using var keepAlive = new PeriodicTimer(keepAliveInterval, clock);
            Task<bool>? tick = null;
            Task<IReadOnlyList<StreamedEvent>?>? next = null;
            while (true)
            {
                tick ??= keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
                next ??= cursor.NextAsync(cancellationToken);
                if (await Task.WhenAny(tick, next) == tick)
                {
                    var ticked = await tick;
                    tick = null;
                    if (!ticked || (await writer.WriteCommentAsync("keep-alive", cancellationToken)).IsCompleted)
                    {
                        return;
                    }

                    continue;
                }

                var events = await next;
                next = null;
                if (events is null)
                {
                    LogCannotContinue(logger, applicationId, cursor.Position);
                    return;
                }

                if (!await WriteAsync(writer, events, cancellationToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (response.HasStarted)
        {
            // Too late for a problem: end the stream; the client reconnects with its Last-Event-ID.
            if (!cancellationToken.IsCancellationRequested)
            {
                LogStreamFailed(logger, applicationId, ex);
            }
        }
        finally
        {
            LogStreamClosed(logger, applicationId, cursor.Position);
        }
    }

    /// <summary>
    /// Sends what comes before the first wait; false when the client is gone. A method of its own, so that the long
    /// wait after it does not keep the first view alive.
    /// </summary>
    private static async Task<bool> StartAsync(HttpResponse response, ServerSentEventWriter writer, ApplicationEventCursor cursor, CancellationToken cancellationToken)
    {
        if (cursor.StartsCurrent)
        {
            // Nothing to send yet, but the headers go out now: the client knows it is subscribed.
            await response.StartAsync(cancellationToken);
            return !(await response.BodyWriter.FlushAsync(cancellationToken)).IsCompleted;
        }

        return await WriteAsync(writer, cursor.TakeFirst(), cancellationToken);
    }

    /// <summary>The bytes a stream writes for <paramref name="item"/>: the same array for every stream that sends it.</summary>
    internal static byte[] FrameOf(StreamedEvent item) =>
        Frames.GetValue(item, static e => ServerSentEventWriter.Frame(EventType, e.Version, e.Data.Span));

    /// <summary>False when the client is gone.</summary>
    private static async Task<bool> WriteAsync(ServerSentEventWriter writer, IReadOnlyList<StreamedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var item in events)
        {
            if ((await writer.WriteEventAsync(FrameOf(item), cancellationToken)).IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event stream of application {ApplicationId} opened after version {Version} (replay: {Replay})")]
    private static partial void LogStreamOpened(ILogger logger, string applicationId, long version, bool replay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event stream of application {ApplicationId} closed at version {Version}")]
    private static partial void LogStreamClosed(ILogger logger, string applicationId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event stream of application {ApplicationId} ends after version {Version}: the log cannot continue there, the client starts again from the current state")]
    private static partial void LogCannotContinue(ILogger logger, string applicationId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event stream of application {ApplicationId} failed and was ended; the client reconnects")]
    private static partial void LogStreamFailed(ILogger logger, string applicationId, Exception exception);
}
