namespace AppBackend.Application.Common.Ports;

/// <summary>A stored object opened for reading. <see cref="Content"/> is seekable, so ranges can be served from it.</summary>
public sealed record StoredMedia(Stream Content, long Length, string ContentType, DateTimeOffset LastModified);
