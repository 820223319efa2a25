using System.Net.Sockets;
using AppBackend.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AppBackend.UnitTests.Infrastructure.Persistence;

/// <summary>Issue 12, item 5: only a database that cannot serve now is a 503; an error it answered with is ours (500).</summary>
public sealed class DatabaseFailuresTests
{
    public static TheoryData<Exception> Unavailable => new()
    {
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03"),
        new PostgresException("too many connections", "FATAL", "FATAL", "53300"),
        new PostgresException("could not serialize access", "ERROR", "ERROR", "40001"),
        new SqliteException("database is locked", 5),
        new SqliteException("unable to open database file", 14),
        new TimeoutException(),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new NpgsqlException("Exception while reading from stream", new TimeoutException())),
    };

    public static TheoryData<Exception> Refused => new()
    {
        new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"),
        new PostgresException("value too long for type character varying(256)", "ERROR", "ERROR", "22001"),
        new SqliteException("UNIQUE constraint failed", 19),
        new InvalidOperationException("not a database failure"),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void IsUnavailable_ForAConnectionOrTransientFailure_IsTrue(Exception exception) =>
        DatabaseFailures.IsUnavailable(exception).Should().BeTrue();

    [Theory]
    [MemberData(nameof(Refused))]
    public void IsUnavailable_ForAnErrorTheDatabaseAnswered_IsFalse(Exception exception) =>
        DatabaseFailures.IsUnavailable(exception).Should().BeFalse();
}
