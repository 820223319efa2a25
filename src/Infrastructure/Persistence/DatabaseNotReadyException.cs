namespace AppBackend.Infrastructure.Persistence;

/// <summary>A request met an instance whose database start failed (<see cref="DatabaseStartup"/>): it cannot serve now, a 503.</summary>
public sealed class DatabaseNotReadyException() : Exception("The database is not ready: its migration at start did not complete.");
