using AppBackend.Domain.Interviews;
using Microsoft.Extensions.Caching.Memory;

namespace AppBackend.Infrastructure.Persistence.Repositories;

/// <summary>
/// Interviews by id, shared by every unit of work of this process. An interview never changes once created and is
/// never deleted, so a copy read once stays right, on every instance; and every submit and every dispatch reads the
/// interview of its application. Holds at most <see cref="Capacity"/> interviews: past that, the least recently used
/// are evicted (and read again when needed).
/// </summary>
internal sealed class InterviewCache : IDisposable
{
    public const int Capacity = 10_000;

    private readonly MemoryCache _interviews = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool TryGet(string id, out Interview? interview) => _interviews.TryGetValue(id, out interview);

    /// <summary>Only an interview as stored (committed, read without tracking): never one still being created.</summary>
    public void Add(Interview interview) =>
        _interviews.Set(interview.Id, interview, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _interviews.Dispose();
}
