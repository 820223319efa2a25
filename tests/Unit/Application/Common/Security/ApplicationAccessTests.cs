using AppBackend.Application.Common.Security;
using AppBackend.Domain.Interviews;
using AppBackend.Domain.JobApplications;
using AppBackend.UnitTests.Application.Fakes;

namespace AppBackend.UnitTests.Application.Common.Security;

public class ApplicationAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly Interview AcmeInterview = Interview.Create("acme", "Backend Engineer", [new QuestionDraft("Q", 60, "{}")], Now);
    private static readonly Interview GlobexInterview = Interview.Create("globex", "Backend Engineer", [new QuestionDraft("Q", 60, "{}")], Now);

    private static readonly JobApplication[] Applications =
    [
        JobApplication.Create(AcmeInterview, "cand-1", new Candidate("A", "a@example.com", null, null), Now),
        JobApplication.Create(AcmeInterview, "cand-2", new Candidate("B", "b@example.com", null, null), Now),
        JobApplication.Create(GlobexInterview, "cand-1", new Candidate("C", "c@example.com", null, null), Now),
    ];

    public static TheoryData<string> Callers() => ["recruiter-acme", "recruiter-globex", "candidate-1", "candidate-3", "admin"];

    [Fact]
    public void ScopeOf_ARecruiter_IsHisOrganization()
    {
        var scope = new FakeCurrentUser("rita", IsRecruiter: true, OrganizationId: "acme").ScopeOf();

        scope.Kind.Should().Be(AccessScopeKind.Organization);
        Applications.Where(scope.Reaches).Select(a => a.OrganizationId).Should().Equal("acme", "acme");
        scope.Reaches(AcmeInterview).Should().BeTrue();
        scope.Reaches(GlobexInterview).Should().BeFalse();
    }

    [Fact]
    public void ScopeOf_ACandidate_IsHisOwnApplicationsAndAnyInterview()
    {
        var scope = new FakeCurrentUser("cand-1").ScopeOf();

        scope.Kind.Should().Be(AccessScopeKind.Owner);
        Applications.Where(scope.Reaches).Should().OnlyContain(a => a.OwnerId == "cand-1").And.HaveCount(2);
        scope.Reaches(AcmeInterview).Should().BeTrue();
        scope.Reaches(GlobexInterview).Should().BeTrue();
    }

    [Fact]
    public void ScopeOf_TheAdminTool_IsEverything()
    {
        var scope = new FakeCurrentUser("admin-cli", IsRecruiter: true, ActsAcrossOrganizations: true).ScopeOf();

        scope.Should().BeSameAs(AccessScope.Everything);
        Applications.Where(scope.Reaches).Should().HaveCount(3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ScopeOf_ARecruiterWithoutOrganization_Throws(string? organizationId)
    {
        var scope = () => new FakeCurrentUser("rita", IsRecruiter: true, OrganizationId: organizationId).ScopeOf();

        scope.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void OrganizationOf_ARecruiter_IsHisOrganization() =>
        new FakeCurrentUser("rita", IsRecruiter: true, OrganizationId: "acme").OrganizationOf().Should().Be("acme");

    [Fact]
    public void OrganizationOf_ACandidate_Throws()
    {
        var organization = () => new FakeCurrentUser("cand-1").OrganizationOf();

        organization.Should().Throw<InvalidOperationException>();
    }

    /// <summary>The SQL form (the query ports) and the in-memory form (the commands) of the rule never disagree.</summary>
    [Theory]
    [MemberData(nameof(Callers))]
    public void Filters_AgreeWithReaches(string caller)
    {
        var scope = UserFor(caller).ScopeOf();

        Applications.AsQueryable().Where(scope.Applications).Should().Equal(Applications.Where(scope.Reaches));
        Interview[] interviews = [AcmeInterview, GlobexInterview];
        interviews.AsQueryable().Where(scope.Interviews).Should().Equal(interviews.Where(scope.Reaches));
    }

    private static FakeCurrentUser UserFor(string caller) => caller switch
    {
        "recruiter-acme" => new("rita", IsRecruiter: true, OrganizationId: "acme"),
        "recruiter-globex" => new("gus", IsRecruiter: true, OrganizationId: "globex"),
        "candidate-1" => new("cand-1"),
        "candidate-3" => new("cand-3"),
        _ => new("admin-cli", IsRecruiter: true, ActsAcrossOrganizations: true),
    };
}
