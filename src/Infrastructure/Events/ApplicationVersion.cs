namespace AppBackend.Infrastructure.Events;

/// <summary>One row of the change feed's look: an application and the version it is at.</summary>
public readonly record struct ApplicationVersion(string ApplicationId, long Version);
