using System.Net;
using System.Text.Json;
using AppBackend.IntegrationTests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AppBackend.IntegrationTests.Api;

/// <summary><c>GET /dev/token</c> (Development only): a recruiter token carries the organization asked for, or <c>dev-org</c>.</summary>
public sealed class DevelopmentTokenTests(DevelopmentApiFixture fixture) : IClassFixture<DevelopmentApiFixture>
{
    [Fact]
    public async Task DevToken_ForARecruiterWithAnOrganization_WorksInThatOrganization()
    {
        var issued = await TokenAsync("?role=recruiter&sub=rita&org=acme-dev");
        var recruiter = fixture.Client(issued.GetProperty("accessToken").GetString());

        var interview = await ApiRequests.CreateInterviewAsync(recruiter, 1);

        issued.GetProperty("org").GetString().Should().Be("acme-dev");
        Claims(issued)["org"].Should().Be("acme-dev");
        interview.GetProperty("organizationId").GetString().Should().Be("acme-dev");
        var other = fixture.Client((await TokenAsync("?role=recruiter&sub=rita&org=globex-dev")).GetProperty("accessToken").GetString());
        await (await other.GetAsync($"/api/interviews/{interview.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DevToken_ForARecruiterWithoutAnOrganization_IsInDevOrg()
    {
        var issued = await TokenAsync("?role=recruiter&sub=rita");

        issued.GetProperty("org").GetString().Should().Be("dev-org");
        Claims(issued)["org"].Should().Be("dev-org");
    }

    [Fact]
    public async Task DevToken_ForACandidate_CarriesNoOrganization()
    {
        var issued = await TokenAsync("?role=candidate&sub=cand-dev&org=acme-dev");

        issued.GetProperty("org").ValueKind.Should().Be(JsonValueKind.Null);
        Claims(issued).Should().NotContainKey("org");
    }

    [Theory]
    [InlineData("?role=recruiter&sub=rita&org=")]
    [InlineData("?role=recruiter&sub=rita&org=%20")]
    public async Task DevToken_WithAnUnusableOrganization_Returns400Problem(string query)
    {
        await (await fixture.Client().GetAsync($"/dev/token{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DevToken_WithAnOrganizationLongerThan128Characters_Returns400Problem()
    {
        var response = await fixture.Client().GetAsync($"/dev/token?role=recruiter&sub=rita&org={new string('o', 129)}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<JsonElement> TokenAsync(string query) =>
        await (await fixture.Client().GetAsync($"/dev/token{query}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

    private static IReadOnlyDictionary<string, object> Claims(JsonElement issued)
    {
        var token = new JsonWebToken(issued.GetProperty("accessToken").GetString());
        return token.Claims.ToDictionary(c => c.Type, object (c) => c.Value);
    }
}
