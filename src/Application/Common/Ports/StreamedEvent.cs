namespace AppBackend.Application.Common.Ports;

/// <summary>One event as a stream sends it: the version it brought the application to and the view at it, rendered once.</summary>
public sealed record StreamedEvent(long Version, ReadOnlyMemory<byte> Data);
