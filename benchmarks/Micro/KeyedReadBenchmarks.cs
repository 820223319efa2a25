using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Persistence;
using AppBackend.Infrastructure.Persistence.Repositories;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AppBackend.Micro;

/// <summary>
/// One application (10 videos) read by key in a fresh unit of work, as a submit or a dispatch does, from a SQLite
/// file: <c>DbSet.FindAsync</c> against the compiled query that replaced it (<c>KeyedReads</c>), in a new context and
/// in one rented from a pool, as the WebApi rents it. The database work is the same; the differences are EF Core's
/// per-call query building and cache lookup (benchmarks/README.md, finding 3) and a new context's start (finding 21).
/// </summary>
[MemoryDiagnoser]
public class KeyedReadBenchmarks
{
    private string _directory = string.Empty;
    private DbContextOptions<SqliteAppDbContext> _options = null!;
    private PooledDbContextFactory<SqliteAppDbContext> _pool = null!;
    private string _applicationId = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("appbackend-micro-").FullName;
        _options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "reads.db")}")
            .Options;
        _pool = new PooledDbContextFactory<SqliteAppDbContext>(_options);
        var now = DateTimeOffset.UtcNow;
        var interview = Interview.Create(
            "bench-org", "Backend Engineer", [.. Enumerable.Range(1, 10).Select(i => new QuestionDraft($"Question {i}", 120, "{\"skill\":\"x\"}"))], now);
        var application = JobApplication.Create(interview, "candidate-1", new Candidate("Ayşe Yılmaz", "ayse@example.com", null, null), now);
        foreach (var question in interview.Questions)
        {
            application.AddVideoResponse(interview, question.Id, $"https://videos.example.com/{question.Id}.mp4", now);
        }

        using var db = new SqliteAppDbContext(_options);
        db.Database.EnsureCreated();
        db.Interviews.Add(interview);
        db.JobApplications.Add(application);
        db.SaveChanges();
        _applicationId = application.Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "application by key, fresh unit of work: DbSet.FindAsync")]
    public async Task<JobApplication?> FindAsync()
    {
        await using var db = new SqliteAppDbContext(_options);
        return await db.JobApplications.FindAsync([_applicationId]);
    }

    [Benchmark(Description = "application by key, fresh unit of work: compiled query (KeyedReads)")]
    public async Task<JobApplication?> CompiledQuery()
    {
        await using var db = new SqliteAppDbContext(_options);
        return await db.FindApplicationAsync(_applicationId, CancellationToken.None);
    }

    [Benchmark(Description = "application by key, pooled unit of work: compiled query (as shipped)")]
    public async Task<JobApplication?> PooledCompiledQuery()
    {
        await using var db = _pool.CreateDbContext();
        return await db.FindApplicationAsync(_applicationId, CancellationToken.None);
    }
}
