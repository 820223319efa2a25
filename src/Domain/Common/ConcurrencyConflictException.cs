namespace AppBackend.Domain.Common;

/// <summary>Raised by a unit of work when an aggregate was changed by another writer since it was read.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);
