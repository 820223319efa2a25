using AppBackend.Admin.Composition;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Infrastructure.Context;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Admin;
using AppBackend.IntegrationTests.Fixtures;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// Units of work are rented from EF Core's context pool (<c>AddPooledUnitOfWork</c>): the next scope gets the very
/// context the last one gave back, tracking nothing of it, and its saves carry the next scope's actor, not the last
/// one's. The services are the admin tool's (the same registration, no workers), so nothing else rents meanwhile.
/// </summary>
public abstract class UnitOfWorkPoolTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheNextScope_RentsTheSameContext_WithNothingTracked_AndSavesAsItsOwnActor()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (_, first) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount: 1);
        var (_, second) = await ApiRequests.ReadyDraftAsync(recruiter, recruiter, questionCount: 1);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AdminTool.Settings(fixture.Database)).Build();
        await using var services = AdminServices.Build(configuration, AdminConfiguration.Environment(configuration), TextWriter.Null, verbose: false);

        var firstContext = await SubmitAsync(services, first.Id(), "pool-test:first");
        var secondContext = await SubmitAsync(services, second.Id(), "pool-test:second");

        secondContext.Should().BeSameAs(firstContext, "the context the first scope gave back is the one the pool rents next");
        (await SubmitterAsync(services, first.Id())).Should().Be("pool-test:first");
        (await SubmitterAsync(services, second.Id())).Should().Be("pool-test:second");
    }

    private static async Task<AppDbContext> SubmitAsync(IServiceProvider services, string applicationId, string actor)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ScopedRequestContext>().Actor = actor;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.Entries().Should().BeEmpty("a rented context starts with nothing tracked");

        var submitted = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitApplicationCommand(applicationId));

        submitted.IsSuccess.Should().BeTrue();
        db.ChangeTracker.Entries().Should().NotBeEmpty("the submit ran in this scope's context");
        return db;
    }

    /// <summary>The actor the submit's history entry (the one that made the application queued) names.</summary>
    private static async Task<string> SubmitterAsync(IServiceProvider services, string applicationId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApplicationEvents
            .Where(e => e.ApplicationId == applicationId && e.Status == "queued")
            .Select(e => e.Actor)
            .SingleAsync();
    }
}

public sealed class SqliteUnitOfWorkPoolFixture() : ApiFixture(DatabaseKind.Sqlite);

public sealed class PostgresUnitOfWorkPoolFixture() : ApiFixture(DatabaseKind.Postgres);

public sealed class SqliteUnitOfWorkPoolTests(SqliteUnitOfWorkPoolFixture fixture) : UnitOfWorkPoolTests(fixture), IClassFixture<SqliteUnitOfWorkPoolFixture>;

public sealed class PostgresUnitOfWorkPoolTests(PostgresUnitOfWorkPoolFixture fixture) : UnitOfWorkPoolTests(fixture), IClassFixture<PostgresUnitOfWorkPoolFixture>;
