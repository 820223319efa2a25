using System.Threading.Channels;
using AppBackend.Application.Common.Events;
using AppBackend.Infrastructure.Workers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppBackend.Infrastructure.Events;

/// <summary>
/// PostgreSQL: announces this instance's commits on <see cref="EventAnnouncement"/> and <see cref="DispatchAnnouncement"/>
/// to every instance's <c>LISTEN</c> connection, after the commit and outside its transaction. A <c>NOTIFY</c> inside the
/// data transaction held a cluster-wide lock until that transaction's commit record was flushed, so every writer that
/// logged an event committed after the one before it, each with a WAL flush of its own (benchmarks/README.md,
/// finding 16). Here one loop sends whatever was committed meanwhile: one statement, in a transaction of its own that
/// does not wait for its flush (<c>synchronous_commit = off</c> on this connection only). An announcement lost (a
/// crash before it was sent, a failed send) costs a stream the <see cref="EventLogWatcher"/>'s next look and a
/// dispatch worker its idle delay; nothing that was committed is lost.
/// </summary>
internal sealed partial class PostgresCommitBroadcast : ICommitBroadcast, IAsyncDisposable
{
    /// <summary>The most notifications one statement sends; more wait for the next round.</summary>
    public const int MaxPerStatement = 1024;

    private const string Send = """
        SELECT pg_notify(n.channel, n.payload) FROM unnest(@channels, @payloads) AS n(channel, payload)
        """;

    private readonly Channel<Notification> _queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ILogger<PostgresCommitBroadcast> _logger;
    private readonly LazyLoop _loop;

    public PostgresCommitBroadcast(string connectionString, ILogger<PostgresCommitBroadcast> logger)
    {
        // A pool of its own: no other connection of AppBackend sets session state (PostgresConnectionDefaults). The
        // operator's own options (a search path, say) stay.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c synchronous_commit=off".TrimStart();
        _connectionString = builder.ConnectionString;
        _logger = logger;
        _loop = new LazyLoop(RunAsync);
    }

    public void Committed(IReadOnlyList<ApplicationEventEntry> entries, bool dispatchOwed)
    {
        if (entries.Count == 0 && !dispatchOwed)
        {
            return;
        }

        _loop.EnsureStarted();
        foreach (var entry in entries)
        {
            Queue(new Notification(EventAnnouncement.Channel, EventAnnouncement.Payload(entry.ApplicationId, entry.Version)));
        }

        if (dispatchOwed)
        {
            Queue(new Notification(DispatchAnnouncement.Channel, string.Empty));
        }
    }

    /// <summary>Sends what is queued, then stops (the process is ending).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.StoppedAsync();
    }

    // After disposal nothing is sent any more; the commit stands and the watchers find it.
    private void Queue(Notification notification) => _queue.Writer.TryWrite(notification);

    private async Task RunAsync()
    {
        var failing = false;
        var round = new HashSet<Notification>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            round.Clear();
            while (round.Count < MaxPerStatement && _queue.Reader.TryRead(out var next))
            {
                round.Add(next);
            }

            try
            {
                await SendAsync(round);
                if (failing)
                {
                    failing = false;
                    LogRecovered(_logger);
                }
            }
            catch (Exception ex)
            {
                if (!failing)
                {
                    failing = true;
                    LogFailed(_logger, ex);
                }
            }
        }
    }

    private async Task SendAsync(HashSet<Notification> round)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Send, connection);
        command.Parameters.AddWithValue("channels", round.Select(n => n.Channel).ToArray());
        command.Parameters.AddWithValue("payloads", round.Select(n => n.Payload).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing commits to the other instances failed; their streams catch up from the log, their dispatch workers after their idle delay")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcing commits to the other instances works again")]
    private static partial void LogRecovered(ILogger logger);

    private readonly record struct Notification(string Channel, string Payload);
}
