using AppBackend.Admin.Composition;
using AppBackend.Application;
using AppBackend.Application.JobApplications.SubmitApplication;
using AppBackend.Domain.Common;
using AppBackend.Infrastructure;
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

    /// <summary>
    /// A scope that used its unit of work (the repositories' <see cref="IUnitOfWork"/> and its context) gives the
    /// context back once. The first scope's disposal is held between its registrations (after the unit of work's,
    /// before the context's), and a second scope rents meanwhile: when the context was given back twice, the second
    /// time went under the second scope's lease, and the third scope rented the context the second still held.
    /// </summary>
    [Fact]
    public async Task AScopeThatUsedItsUnitOfWork_GivesItsContextBackOnce_SoAScopeRentingMeanwhileKeepsItsOwn()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AdminTool.Settings(fixture.Database)).Build();
        var environment = AdminConfiguration.Environment(configuration);
        var gate = new DisposalGate();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(environment)
            .AddSingleton(gate)
            .AddLogging();
        services.AddApplication().AddInfrastructure(configuration, environment);
        services.AddScoped<HeldDisposal>();
        await using var provider = services.BuildServiceProvider();

        var first = provider.CreateAsyncScope();
        first.ServiceProvider.GetRequiredService<AppDbContext>();
        first.ServiceProvider.GetRequiredService<HeldDisposal>();
        first.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var firstDisposal = first.DisposeAsync().AsTask();
        await gate.Reached.Task;

        await using var second = provider.CreateAsyncScope();
        var secondContext = second.ServiceProvider.GetRequiredService<AppDbContext>();
        gate.Release.SetResult();
        await firstDisposal;
        await using var third = provider.CreateAsyncScope();

        third.ServiceProvider.GetRequiredService<AppDbContext>().Should().NotBeSameAs(secondContext, "the second scope still holds its context");
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

    /// <summary>Where a scope's disposal waits, disposed (in reverse order) between what the scope resolved before and after it.</summary>
    private sealed class DisposalGate
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class HeldDisposal(DisposalGate gate) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            gate.Reached.SetResult();
            await gate.Release.Task;
        }
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
