using System.Net;
using System.Net.Http.Json;
using AppBackend.IntegrationTests.Fixtures;
using AppBackend.IntegrationTests.Media;

namespace AppBackend.IntegrationTests.Cors;

/// <summary>
/// Contract section 4, browsers: preflights and actual requests from a listed origin are allowed with the contract's
/// headers, problems included; an unlisted origin gets no CORS header at all. SQLite only: no database behaviour here.
/// </summary>
public sealed class CorsTests(CorsApiFixture fixture) : IClassFixture<CorsApiFixture>
{
    private const string Unlisted = "https://evil.example.net";

    [Theory]
    [InlineData("/api/interviews", "POST")]
    [InlineData("/api/applications/some-id/events", "GET")]
    [InlineData("/api/applications/some-id/video-responses", "POST")]
    [InlineData("/media/some-video", "GET")]
    public async Task Preflight_FromAListedOrigin_AllowsTheMethodAndTheContractsHeadersWithoutAToken(string path, string method)
    {
        var response = await fixture.Client().SendAsync(Preflight(path, CorsApiFixture.Frontend, method, "authorization,content-type,last-event-id,x-request-id"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent, "a preflight carries no token and must not meet authentication");
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsApiFixture.Frontend);
        Header(response, "Access-Control-Allow-Methods").Should().Contain(method);
        Listed(response, "Access-Control-Allow-Headers").Should().Contain(["authorization", "content-type", "last-event-id", "x-request-id"]);
        response.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse("the token travels in a header, never as a credential");
    }

    [Fact]
    public async Task Preflight_FromTheSecondListedOrigin_IsAllowedForItAlone()
    {
        var response = await fixture.Client().SendAsync(Preflight("/api/interviews", CorsApiFixture.LocalFrontend, "POST", "authorization"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsApiFixture.LocalFrontend, "never '*', always the one origin asking");
    }

    [Theory]
    [InlineData(Unlisted)]
    [InlineData("https://frontend.example.com.evil.example.net")]
    [InlineData("http://frontend.example.com")]
    [InlineData("https://frontend.example.com:8443")]
    [InlineData("null")]
    public async Task Preflight_FromAnUnlistedOrigin_GetsNoCorsHeaders(string origin)
    {
        var response = await fixture.Client().SendAsync(Preflight("/api/interviews", origin, "POST", "authorization,content-type"));

        NoCorsHeaders(response);
    }

    [Fact]
    public async Task Preflight_AskingForAHeaderNotAllowed_DoesNotAllowIt()
    {
        var response = await fixture.Client().SendAsync(Preflight("/api/interviews", CorsApiFixture.Frontend, "PUT", "authorization,x-secret-header"));

        // The browser compares what it asked for with what is allowed, and refuses the request.
        Listed(response, "Access-Control-Allow-Headers").Should().NotContain("x-secret-header");
        Listed(response, "Access-Control-Allow-Methods").Should().NotContain("put");
    }

    [Fact]
    public async Task Preflight_OutsideApiAndMedia_IsNotAnswered()
    {
        var response = await fixture.Client().SendAsync(Preflight("/webhooks/analysis-ready", CorsApiFixture.Frontend, "POST", "content-type"));

        NoCorsHeaders(response);
    }

    [Fact]
    public async Task Post_FromAListedOrigin_ExposesLocationAndRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/interviews") { Content = JsonContent.Create(ApiRequests.InterviewBody(1)) };
        request.Headers.Add("Origin", CorsApiFixture.Frontend);
        request.Headers.Authorization = new("Bearer", TestTokens.Recruiter());

        var response = await fixture.Client().SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsApiFixture.Frontend);
        Listed(response, "Access-Control-Expose-Headers").Should().Contain(["location", "x-request-id"]);
        response.Headers.Location.Should().NotBeNull();
        response.Headers.Vary.Should().Contain("Origin", "a cache must not hand one origin's answer to another");
        response.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse();
    }

    [Fact]
    public async Task Get_FromAnUnlistedOrigin_IsServedWithoutCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/interviews");
        request.Headers.Add("Origin", Unlisted);
        request.Headers.Authorization = new("Bearer", TestTokens.Recruiter());

        var response = await fixture.Client().SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        NoCorsHeaders(response);
    }

    public static TheoryData<string, string, string?, object?, HttpStatusCode> Problems() => new()
    {
        { "no token", "/api/interviews", null, null, HttpStatusCode.Unauthorized },
        { "unknown application", "/api/applications/unknown", TestTokens.Recruiter(), null, HttpStatusCode.NotFound },
        { "candidate creating an interview", "/api/interviews", TestTokens.Candidate("cand-cors"), ApiRequests.InterviewBody(1), HttpStatusCode.Forbidden },
        { "invalid body", "/api/interviews", TestTokens.Recruiter(), new { title = "", questions = Array.Empty<object>() }, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Problem_ForAListedOrigin_CarriesTheCorsHeaders(string what, string path, string? token, object? body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        request.Headers.Add("Origin", CorsApiFixture.Frontend);

        var response = await fixture.Client().SendAsync(request);

        await response.ShouldBeProblemAsync(status);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsApiFixture.Frontend, "the page must be able to read the problem ({0})", what);
        Listed(response, "Access-Control-Expose-Headers").Should().Contain("x-request-id", what);
    }

    [Fact]
    public async Task Media_FromAListedOrigin_IsReadableWithARange()
    {
        var recruiter = fixture.Client(TestTokens.Recruiter());
        var (applicationId, questions) = await MediaRequests.DraftAsync(recruiter, recruiter);
        var created = await MediaRequests.UploadedAsync(recruiter, applicationId, questions[0], TestVideos.Mp4(4096, seed: 40));
        using var request = new HttpRequestMessage(HttpMethod.Get, MediaRequests.Relative(created.GetProperty("url").GetString()!));
        request.Headers.Add("Origin", CorsApiFixture.Frontend);
        request.Headers.Range = new(0, 9);

        var response = await fixture.Client().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be(CorsApiFixture.Frontend);
        Listed(response, "Access-Control-Expose-Headers").Should().Contain("content-range");
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static string[] Listed(HttpResponseMessage response, string name) =>
        [.. (Header(response, name) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(h => h.ToLowerInvariant())];

    private static void NoCorsHeaders(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Should().NotContain(h => h.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
}
