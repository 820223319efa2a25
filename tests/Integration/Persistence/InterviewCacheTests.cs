using AppBackend.Domain.Interviews;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// Interviews are immutable, so the repository reads each once per process (<c>InterviewCache</c>): the submit and
/// dispatch of every application need it. A cached interview is never tracked, so no save writes it back.
/// </summary>
public sealed class InterviewCacheTests(InterviewCacheTests.Fixture fixture) : IClassFixture<InterviewCacheTests.Fixture>
{
    [Fact]
    public async Task Find_AnInterviewReadBefore_IsServedWithoutReadingTheDatabaseAgain()
    {
        var created = await ApiRequests.CreateInterviewAsync(fixture.Client(TestTokens.Recruiter()), questionCount: 2);
        var id = created.Id();
        var first = await FindAsync(id);

        // Rewritten behind the cache's back (nothing in AppBackend changes an interview): a second read would see it.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Interviews.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "Rewritten"))).Should().Be(1);
        }

        var second = await FindAsync(id);

        first.Should().NotBeNull();
        second.Should().BeSameAs(first);
        second!.Title.Should().Be(created.GetProperty("title").GetString());
        second.Questions.Should().HaveCount(2);
    }

    [Fact]
    public async Task Find_ReturnsAnInterviewTheUnitOfWorkDoesNotTrack()
    {
        var created = await ApiRequests.CreateInterviewAsync(fixture.Client(TestTokens.Recruiter()), questionCount: 1);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IInterviewRepository>().FindAsync(created.Id(), CancellationToken.None);

        found.Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().ChangeTracker.Entries<Interview>().Should().BeEmpty();
    }

    private async Task<Interview?> FindAsync(string id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInterviewRepository>().FindAsync(id, CancellationToken.None);
    }

    public sealed class Fixture() : ApiFixture(DatabaseKind.Sqlite);
}
