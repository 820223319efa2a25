namespace AppBackend.Application.Common.Media;

/// <summary>A video container recognised by its first bytes, and the content type it is served with.</summary>
public sealed record VideoFormat(string Name, string ContentType);
