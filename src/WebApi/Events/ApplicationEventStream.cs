using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using AppBackend.Application.Common.Ports;
using AppBackend.Application.JobApplications;
using AppBackend.Application.JobApplications.GetApplication;
using AppBackend.Infrastructure.Context;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace AppBackend.WebApi.Events;

/// <summary>
/// The body of <c>GET /api/applications/{id}/events</c>, once access is settled: <c>event: status</c> with the
/// application's version as <c>id</c> and its view as <c>data</c> (the very JSON <c>GET /api/applications/{id}</c>
/// returns), first the current state, then one event per visible change; a comment line every
/// <c>Events:KeepAliveInterval</c>. A change notification makes the stream read the application again through the
/// Application layer (same access rule), in a scope of its own; an event whose stored view equals the last one sent is
/// not sent. Views are compared as stored and presented (uploads with freshly signed URLs) only as they are written,
/// so a renewed signature never makes an event. It ends when the client goes, the server stops, or the application is
/// no longer visible to the caller.
/// </summary>
public sealed partial class ApplicationEventStream : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/event-stream";
    public const string EventType = "status";

    private readonly IApplicationChangeSubscription _subscription;
    private readonly ApplicationSnapshot _current;
    private readonly bool _clientHasCurrent;

    /// <param name="subscription">Taken before <paramref name="current"/> was read; the stream disposes it.</param>
    /// <param name="current">The state the stream starts from.</param>
    /// <param name="lastEventId">The client's <c>Last-Event-ID</c>: when it names <paramref name="current"/>, the client has it already.</param>
    public ApplicationEventStream(IApplicationChangeSubscription subscription, ApplicationSnapshot current, string? lastEventId)
    {
        _subscription = subscription;
        _current = current;
        _clientHasCurrent = long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && last == current.Version;
    }

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
            _subscription.Dispose();
        }
    }

    private async Task StreamAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var keepAliveInterval = services.GetRequiredService<IOptions<EventStreamOptions>>().Value.KeepAliveInterval;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<ApplicationEventStream>>();
        var presenter = services.GetRequiredService<JobApplicationViewPresenter>();
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

        // Only a hash of the last data sent is kept, so an open stream costs little memory.
        var lastVersion = _current.Version;
        var lastHash = SHA256.HashData(Serialize(_current.View, json));
        var applicationId = _subscription.ApplicationId;
        try
        {
            if (_clientHasCurrent)
            {
                // Nothing to send yet, but the headers go out now: the client knows it is subscribed.
                await response.StartAsync(cancellationToken);
                if ((await response.BodyWriter.FlushAsync(cancellationToken)).IsCompleted)
                {
                    return;
                }
            }
            else if ((await writer.WriteEventAsync(EventType, lastVersion, Serialize(presenter.Present(_current.View), json), cancellationToken)).IsCompleted)
            {
                return;
            }

            LogStreamOpened(logger, applicationId, lastVersion, _clientHasCurrent);
            using var keepAlive = new PeriodicTimer(keepAliveInterval, clock);
            Task<bool>? tick = null;
            Task<bool>? change = null;
            while (true)
            {
                tick ??= keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
                change ??= _subscription.Versions.WaitToReadAsync(cancellationToken).AsTask();
                var woke = await Task.WhenAny(tick, change);
                if (woke == tick)
                {
                    tick = null;
                    if (!await woke)
                    {
                        return;
                    }

                    if ((await writer.WriteCommentAsync("keep-alive", cancellationToken)).IsCompleted)
                    {
                        return;
                    }

                    continue;
                }

                change = null;
                if (!await woke)
                {
                    return;
                }

                var newest = lastVersion;
                while (_subscription.Versions.TryRead(out var version))
                {
                    newest = Math.Max(newest, version);
                }

                if (newest <= lastVersion)
                {
                    continue;
                }

                var snapshot = await ReadAsync(context, applicationId, cancellationToken);
                if (snapshot is null)
                {
                    LogNoLongerVisible(logger, applicationId);
                    return;
                }

                if (snapshot.Version <= lastVersion)
                {
                    continue;
                }

                lastVersion = snapshot.Version;
                var hash = SHA256.HashData(Serialize(snapshot.View, json));
                if (hash.AsSpan().SequenceEqual(lastHash))
                {
                    continue;
                }

                lastHash = hash;
                if ((await writer.WriteEventAsync(EventType, lastVersion, Serialize(presenter.Present(snapshot.View), json), cancellationToken)).IsCompleted)
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
            // Too late for a problem: end the stream; the client reconnects and gets the current state.
            if (!cancellationToken.IsCancellationRequested)
            {
                LogStreamFailed(logger, applicationId, ex);
            }
        }
        finally
        {
            LogStreamClosed(logger, applicationId, lastVersion);
        }
    }

    /// <summary>The application as the caller may see it now, or null when he no longer may (or it is gone).</summary>
    private static async Task<ApplicationSnapshot?> ReadAsync(HttpContext context, string applicationId, CancellationToken cancellationToken)
    {
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().RequestId = context.TraceIdentifier;
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new GetApplicationSnapshotQuery(applicationId), cancellationToken);
        return result.IsSuccess ? result.Value : null;
    }

    private static byte[] Serialize(JobApplicationView view, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(view, options);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event stream of application {ApplicationId} opened at version {Version} (client had it: {ClientHadCurrent})")]
    private static partial void LogStreamOpened(ILogger logger, string applicationId, long version, bool clientHadCurrent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event stream of application {ApplicationId} closed at version {Version}")]
    private static partial void LogStreamClosed(ILogger logger, string applicationId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event stream of application {ApplicationId} ends: the application is no longer visible to the caller")]
    private static partial void LogNoLongerVisible(ILogger logger, string applicationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event stream of application {ApplicationId} failed and was ended; the client reconnects")]
    private static partial void LogStreamFailed(ILogger logger, string applicationId, Exception exception);
}
