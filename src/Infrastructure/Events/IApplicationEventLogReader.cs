using AppBackend.Application.Common.Ports;

namespace AppBackend.Infrastructure.Events;

/// <summary>The hub's reads of the application event log.</summary>
public interface IApplicationEventLogReader
{
    /// <summary>
    /// At most <paramref name="limit"/> events after <paramref name="after"/>, contiguous from <c>after + 1</c>; a
    /// <see cref="EventsAfter.Gap"/> when the next one is missing or its replay view was pruned.
    /// </summary>
    Task<EventsAfter> ReadAfterAsync(string applicationId, long after, int limit, CancellationToken cancellationToken);
}
