namespace AppBackend.Application.Common.Paging;

/// <summary>One page of a newest-first list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
