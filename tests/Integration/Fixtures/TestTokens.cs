using System.Text;
using AppBackend.Infrastructure.Security;
using Microsoft.Extensions.Time.Testing;

namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>Frontend tokens signed with the test key, and the bad tokens the API must refuse.</summary>
public static class TestTokens
{
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdef";
    public const string Issuer = "appbackend";
    public const string Audience = "appbackend-api";

    private static readonly HmacJwtIssuer RealClock = new(TimeProvider.System);

    /// <summary>The organization of <see cref="Recruiter"/> tokens unless a test names another.</summary>
    public const string Organization = "acme";

    /// <summary>An organization other than <see cref="Organization"/>, for the crossed-tenant tests.</summary>
    public const string OtherOrganization = "globex";

    public static string Recruiter(string sub = "recruiter-1", string org = Organization) => For("recruiter", sub, org);

    /// <summary>A recruiter token that lacks the <c>org</c> claim the API requires.</summary>
    public static string RecruiterWithoutOrganization(string sub = "recruiter-1") => For("recruiter", sub);

    public static string Candidate(string sub) => For("candidate", sub);

    public static string For(string role, string sub, string? org = null) =>
        RealClock.IssueUserToken(SigningKey, Issuer, Audience, role, sub, TimeSpan.FromMinutes(30), org);

    /// <summary>Right claims, signed with a key the API does not know.</summary>
    public static string Forged(string role = "recruiter") =>
        RealClock.IssueUserToken("an-attacker-key-that-is-long-enough-0123456789", Issuer, Audience, role, "mallory", TimeSpan.FromMinutes(30), Organization);

    public static string WrongAudience() =>
        RealClock.IssueUserToken(SigningKey, Issuer, "someone-else", "recruiter", "recruiter-1", TimeSpan.FromMinutes(30), Organization);

    public static string Expired()
    {
        var anHourAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        return new HmacJwtIssuer(anHourAgo).IssueUserToken(SigningKey, Issuer, Audience, "recruiter", "recruiter-1", TimeSpan.FromMinutes(5), Organization);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with a recruiter's claims.</summary>
    public static string AlgNone()
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url($$"""{"sub":"recruiter-1","role":"recruiter","org":"{{Organization}}","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
