using AppBackend.Domain.Common;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.Infrastructure.Persistence;
using AppBackend.Infrastructure.Persistence.SetSave;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// PostgreSQL writes a save set by set (one statement per table and kind of change). What it writes must read back as
/// the aggregate was when it was saved, column for column; a stale copy must be refused with nothing of its save
/// written; and the saves it cannot write must still be saved, by EF Core.
/// </summary>
public sealed class SetSaveTests(PostgresSetSaveFixture fixture) : IClassFixture<PostgresSetSaveFixture>
{
    private static readonly DateTimeOffset Submitted = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PollSchedule Polls = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

    [Fact]
    public async Task TheHotPathsSaves_AreWrittenSetBySet_AndReadBackAsTheyWereSaved()
    {
        var id = await DraftAsync();

        var submitted = await SaveAsync(id, (application, interview) => application.Submit(interview!, Submitted).IsSuccess.Should().BeTrue());
        var dispatched = await SaveAsync(id, (application, _) => Dispatch(application).IsSuccess.Should().BeTrue());
        var firstResult = await SaveAsync(id, (application, _) => application.ApplyAnalysisResult(
            new AnalysisReport($"{id}-job-0", null, AnalysisOutcome.Done, 71.5, "ai-0", null), Submitted.AddSeconds(2)).Value
            .Should().Be(ResultApplication.Applied));
        var completed = await SaveAsync(id, (application, _) => application.ApplyAnalysisResult(
            new AnalysisReport($"{id}-job-1", null, AnalysisOutcome.Done, 88, "ai-1", null), Submitted.AddSeconds(3)).Value
            .Should().Be(ResultApplication.Applied));

        // Each compared right after its save: the next save reads what this one wrote, so a lost column would hide.
        foreach (var (saved, stored) in new[] { submitted, dispatched, firstResult, completed })
        {
            saved.SetBySet.Should().BeTrue();
            stored.Should().BeEquivalentTo(saved.Application, o => o.Excluding(a => a.DomainEvents));
        }

        completed.Stored.Status.Should().Be(ApplicationStatus.Completed);
        completed.Stored.AiAnalysisResults.Should().HaveCount(2);
        (await VersionsLoggedAsync(id)).Should().Equal(EveryVersionUpTo(completed.Stored.Version));
    }

    [Fact]
    public async Task AStaleCopy_IsRefused_AndNothingOfItsSaveIsWritten()
    {
        var id = await DispatchedAsync();

        await using var stale = fixture.Factory.Services.CreateAsyncScope();
        var staleCopy = (await stale.ServiceProvider.GetRequiredService<IJobApplicationRepository>().FindAsync(id, CancellationToken.None))!;
        var winner = await SaveAsync(id, (application, _) => application.ApplyAnalysisResult(
            new AnalysisReport($"{id}-job-0", null, AnalysisOutcome.Done, 90, "ai-winner", null), Submitted.AddSeconds(5)));

        staleCopy.ApplyAnalysisResult(new AnalysisReport($"{id}-job-1", null, AnalysisOutcome.Done, 10, "ai-stale", null), Submitted.AddSeconds(6));
        var save = () => stale.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);

        await save.Should().ThrowAsync<ConcurrencyConflictException>();
        var stored = await ReadAsync(id);
        stored.Should().BeEquivalentTo(winner.Saved.Application, o => o.Excluding(a => a.DomainEvents));
        stored.AiAnalysisResults.Should().ContainSingle().Which.AiAnalysisId.Should().Be("ai-winner");
        (await VersionsLoggedAsync(id)).Should().Equal(EveryVersionUpTo(winner.Saved.Application.Version), "the stale save's entry went with it");
    }

    [Fact]
    public async Task ASecondResultForOneJob_IsRefusedByItsKey_AsAConflict()
    {
        var id = await DispatchedAsync();

        // Two copies apply the same job's result; the second one's first statement (the result's insert) hits the key.
        await using var second = fixture.Factory.Services.CreateAsyncScope();
        var secondCopy = (await second.ServiceProvider.GetRequiredService<IJobApplicationRepository>().FindAsync(id, CancellationToken.None))!;
        await SaveAsync(id, (application, _) => application.ApplyAnalysisResult(
            new AnalysisReport($"{id}-job-0", null, AnalysisOutcome.Done, 90, "ai-first", null), Submitted.AddSeconds(5)));
        secondCopy.ApplyAnalysisResult(new AnalysisReport($"{id}-job-0", null, AnalysisOutcome.Done, 90, "ai-second", null), Submitted.AddSeconds(6));

        var save = () => second.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);

        await save.Should().ThrowAsync<ConcurrencyConflictException>();
        (await ReadAsync(id)).AiAnalysisResults.Should().ContainSingle().Which.AiAnalysisId.Should().Be("ai-first");
    }

    [Fact]
    public async Task ANewApplication_IsLeftToEfCore_AndSaved()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var interview = await ApiRequests.CreateInterviewAsync(recruiter, questionCount: 1);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var definition = (await scope.ServiceProvider.GetRequiredService<IInterviewRepository>().FindAsync(interview.Id(), CancellationToken.None))!;
        var application = JobApplication.Create(definition, "candidate-set-save", new Candidate("Zeynep Kaya", "zeynep@example.com", null, null), Submitted);
        scope.ServiceProvider.GetRequiredService<IJobApplicationRepository>().Add(application);
        db.ChangeTracker.DetectChanges();

        SetSavePlan.Of(db.ChangeTracker).Should().BeNull("an inserted application carries a complex property's columns");
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        (await ReadAsync(application.Id)).Candidate.Should().Be(application.Candidate);
    }

    private async Task<string> DraftAsync()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, draft) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount: 2);
        return draft.Id();
    }

    /// <summary>A submitted application whose videos run the jobs <c>{id}-job-0</c>, <c>{id}-job-1</c>.</summary>
    private async Task<string> DispatchedAsync()
    {
        var id = await DraftAsync();
        await SaveAsync(id, (application, interview) => application.Submit(interview!, Submitted));
        await SaveAsync(id, (application, _) => Dispatch(application));
        return id;
    }

    private static Result Dispatch(JobApplication application) => application.RecordDispatch(
        application.VideoResponses.Select((v, i) => new DispatchedJob(v.Id, $"{application.Id}-job-{i}")).ToList(), Submitted.AddSeconds(1), Polls);

    /// <summary>One unit of work: read, change, save; the saved aggregate, whether its save was planned set by set, and
    /// the aggregate as a fresh read finds it then.</summary>
    private async Task<((JobApplication Application, bool SetBySet) Saved, JobApplication Stored)> SaveAsync(string id, Action<JobApplication, Interview?> change)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var application = (await scope.ServiceProvider.GetRequiredService<IJobApplicationRepository>().FindAsync(id, CancellationToken.None))!;
        var interview = await scope.ServiceProvider.GetRequiredService<IInterviewRepository>().FindAsync(application.InterviewId, CancellationToken.None);
        change(application, interview);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.DetectChanges();
        var setBySet = SetSavePlan.Of(db.ChangeTracker) is not null;
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        return ((application, setBySet), await ReadAsync(id));
    }

    private async Task<JobApplication> ReadAsync(string id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobApplications.AsNoTracking().SingleAsync(a => a.Id == id))!;
    }

    private static IEnumerable<long> EveryVersionUpTo(long version) => Enumerable.Range(1, (int)version).Select(v => (long)v);

    private async Task<List<long>> VersionsLoggedAsync(string id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApplicationEvents
            .Where(e => e.ApplicationId == id).OrderBy(e => e.Version).Select(e => e.Version).ToListAsync();
    }
}

public sealed class PostgresSetSaveFixture() : ApiFixture(DatabaseKind.Postgres);
