using System.Net;
using AppBackend.Infrastructure.Persistence;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AppBackend.IntegrationTests.Persistence;

/// <summary>
/// Rows written before organizations existed: the <c>Organizations</c> migration puts every existing interview and
/// application in the organization <c>legacy</c> (docs/decisions/007-organizations.md), where a recruiter of
/// <c>legacy</c> reaches them and nobody else's recruiter does.
/// </summary>
public abstract class OrganizationsMigrationTests(DatabaseKind kind)
{
    private const string InterviewId = "0190aa00000070000000000000000001";
    private const string ApplicationId = "0190aa00000070000000000000000002";

    [Fact]
    public async Task Migrate_WithRowsFromBeforeOrganizations_PutsThemInTheLegacyOrganization()
    {
        await using var database = await TestDatabase.CreateAsync(kind, "organizations-migration");
        await using (var db = Context(database))
        {
            await db.GetService<IMigrator>().MigrateAsync(kind == DatabaseKind.Postgres ? "20261123140525_InitialCreate" : "20261123140515_InitialCreate");
            foreach (var statement in LegacyRows(kind == DatabaseKind.Postgres ? "'2026-11-20T10:00:00Z'" : "639000000000000000"))
            {
                await db.Database.ExecuteSqlRawAsync(statement, """{"skill":"problem_solving"}""");
            }
        }

        await using var factory = new AppBackendFactory(database.Provider, database.ConnectionString);
        factory.StartServer();
        var legacy = factory.CreateClient();
        legacy.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Recruiter("old-hand", "legacy"));
        var acme = factory.CreateClient();
        acme.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Recruiter());

        var interview = await (await legacy.GetAsync($"/api/interviews/{InterviewId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var application = await (await legacy.GetAsync($"/api/applications/{ApplicationId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var listed = await (await legacy.GetAsync("/api/applications")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        interview.GetProperty("organizationId").GetString().Should().Be("legacy");
        application.GetProperty("organizationId").GetString().Should().Be("legacy");
        listed.GetProperty("items").EnumerateArray().Select(a => a.Id()).Should().Equal(ApplicationId);
        await (await acme.GetAsync($"/api/interviews/{InterviewId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await acme.GetAsync($"/api/applications/{ApplicationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var acmeList = await (await acme.GetAsync("/api/applications")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        acmeList.GetProperty("items").GetArrayLength().Should().Be(0);

        // New rows keep taking their creator's organization beside the legacy ones.
        var created = await ApiRequests.CreateInterviewAsync(acme, 1);
        created.GetProperty("organizationId").GetString().Should().Be(TestTokens.Organization);
    }

    private static AppDbContext Context(TestDatabase database) => database.Kind == DatabaseKind.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);

    /// <summary>
    /// One interview with one question and one draft application, in the schema of the first migration; <c>{0}</c> is
    /// the question's aiMetadata, passed as a parameter.
    /// </summary>
    private static string[] LegacyRows(string at) =>
    [
        $"""INSERT INTO interviews ("Id","Title","CreatedAt","Version") VALUES ('{InterviewId}', 'Old interview', {at}, 0)""",
        $"""
        INSERT INTO interview_questions ("Id","Position","Text","DurationSeconds","AiMetadata","InterviewId")
        VALUES ('0190aa00000070000000000000000003', 0, 'Tell us about a hard bug.', 120, {"{0}"}, '{InterviewId}')
        """,
        $"""
        INSERT INTO job_applications ("Id","InterviewId","OwnerId","Status","AllowRetry","FailureReason","LatestAiAnalysisId","OverallScore",
            "DispatchAttempt","CreatedAt","UpdatedAt","CandidateCvUrl","CandidateEmail","CandidateFullName","CandidatePhone","Version")
        VALUES ('{ApplicationId}', '{InterviewId}', 'cand-old', 'Draft', FALSE, NULL, NULL, NULL, 0, {at}, {at}, NULL,
                'old@example.com', 'Old Candidate', NULL, 0)
        """,
    ];
}

public sealed class SqliteOrganizationsMigrationTests() : OrganizationsMigrationTests(DatabaseKind.Sqlite);

public sealed class PostgresOrganizationsMigrationTests() : OrganizationsMigrationTests(DatabaseKind.Postgres);
