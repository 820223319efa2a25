namespace AppBackend.Application.Common.Ports;

/// <summary>
/// Where AppBackend keeps the videos it stores itself (multipart uploads), one object per key (the video
/// response's id). Saving is atomic and happens in two steps, so that the key can be chosen after the bytes have
/// arrived (the form's <c>questionId</c> may follow its file): <see cref="StageAsync"/> streams the bytes aside
/// without holding them in memory, <see cref="CommitAsync"/> makes them visible under the key all at once. A reader
/// therefore never sees half a file, and bytes that are refused or never committed are never served.
/// </summary>
/// <remarks>
/// The seam for another store (docs/decisions/005-media-storage.md): the local-disk store stages to a temp file
/// in the media root and commits with an atomic rename. An S3-style store would stage with a (multipart) upload
/// to a staging key or prefix, commit with a server-side copy to the final key followed by a delete of the staging
/// object (or upload straight to the final key when it is known first), serve <see cref="OpenReadAsync"/> from a
/// ranged GET, and delete with DeleteObject; the staging prefix gets a lifecycle rule that expires what was
/// never committed.
/// </remarks>
public interface IMediaStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to a staging place until it ends. Returns null, keeping nothing, when it
    /// holds more than <paramref name="maxBytes"/> bytes (reading stops as soon as the limit is passed).
    /// </summary>
    /// <param name="contentType">The type the object is served with once committed.</param>
    Task<IStagedMedia?> StageAsync(Stream content, string contentType, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="staged"/> readable under <paramref name="key"/> atomically, replacing any object
    /// already there. <paramref name="staged"/> must come from this store's <see cref="StageAsync"/>.
    /// </summary>
    Task CommitAsync(IStagedMedia staged, string key, CancellationToken cancellationToken);

    /// <summary>The object under <paramref name="key"/> with its length and content type, or null when there is none.</summary>
    Task<StoredMedia?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object under <paramref name="key"/>; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
