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

    public static string Recruiter(string sub = "recruiter-1") => For("recruiter", sub);

    public static string Candidate(string sub) => For("candidate", sub);

    public static string For(string role, string sub) =>
        RealClock.IssueUserToken(SigningKey, Issuer, Audience, role, sub, TimeSpan.FromMinutes(30));

    /// <summary>Right claims, signed with a key the API does not know.</summary>
    public static string Forged(string role = "recruiter") =>
        RealClock.IssueUserToken("an-attacker-key-that-is-long-enough-0123456789", Issuer, Audience, role, "mallory", TimeSpan.FromMinutes(30));

    public static string WrongAudience() =>
        RealClock.IssueUserToken(SigningKey, Issuer, "someone-else", "recruiter", "recruiter-1", TimeSpan.FromMinutes(30));

    public static string Expired()
    {
        var anHourAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        return new HmacJwtIssuer(anHourAgo).IssueUserToken(SigningKey, Issuer, Audience, "recruiter", "recruiter-1", TimeSpan.FromMinutes(5));
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with a recruiter's claims.</summary>
    public static string AlgNone()
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url($$"""{"sub":"recruiter-1","role":"recruiter","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""");
        return $"{header}.{payload}.";
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
