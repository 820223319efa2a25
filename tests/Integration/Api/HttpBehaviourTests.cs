using System.Net;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>What every response shares: X-Request-Id and problems for unknown routes and methods (SQLite only: no database behaviour here).</summary>
public sealed class HttpBehaviourTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task RequestId_WhenTheCallerSendsASafeOne_IsEchoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "trace-42.abc_DEF:1");

        var response = await fixture.Client().SendAsync(request);

        response.Headers.GetValues("X-Request-Id").Should().Equal("trace-42.abc_DEF:1");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    public async Task RequestId_WhenTheCallersIsUnsafe_IsReplaced(string unsafeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Request-Id", unsafeId);

        var response = await fixture.Client().SendAsync(request);

        var id = response.Headers.GetValues("X-Request-Id").Single();
        id.Should().NotBe(unsafeId).And.MatchRegex("^[A-Za-z0-9]{32}$");
    }

    [Fact]
    public async Task RequestId_WhenLongerThan128Characters_IsReplaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", new string('a', 129));

        var response = await fixture.Client().SendAsync(request);

        response.Headers.GetValues("X-Request-Id").Single().Should().HaveLength(32);
    }

    [Fact]
    public async Task RequestId_WhenAbsent_IsMadeAndDiffersPerRequest()
    {
        var first = await fixture.Client().GetAsync("/health/live");
        var second = await fixture.Client().GetAsync("/health/live");

        first.Headers.GetValues("X-Request-Id").Single().Should().NotBe(second.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Problem_CarriesTheRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/interviews/unknown");
        request.Headers.Add("X-Request-Id", "correlate-me");
        request.Headers.Authorization = new("Bearer", TestTokens.Recruiter());

        var response = await fixture.Client().SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("requestId").GetString().Should().Be("correlate-me");
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        await (await fixture.Client().GetAsync("/no/such/route")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        var response = await fixture.Client(TestTokens.Recruiter()).DeleteAsync("/api/interviews");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task OpenApi_OutsideDevelopmentByDefault_IsNotServed()
    {
        (await fixture.Client().GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
