using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AppBackend.Infrastructure.Persistence;

/// <summary>
/// Tells a database that cannot serve now (connection refused or lost, a timeout, the server shutting down or out of
/// resources, a serialization failure or deadlock: worth a retry, so 503) from a statement the database answered with
/// an error (a bug or bad data of ours: 500). The providers know which of their errors are transient.
/// </summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCannotOpen = 14;

    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite:
                    // SQLite marks none of its errors transient: busy, locked, an I/O error or a file it cannot open
                    // mean the store cannot serve now; a constraint or a malformed statement is an answer.
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen;
                case DbException database:
                    return database.IsTransient;
                case TimeoutException or DatabaseNotReadyException:
                    return true;
            }
        }

        return false;
    }
}
