namespace AppBackend.Domain.Common;

/// <summary>Makes opaque, time-ordered ids (UUID v7 as 32 hex digits), so ids sort by creation.</summary>
public static class IdGenerator
{
    public static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
