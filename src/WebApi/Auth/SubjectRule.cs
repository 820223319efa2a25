using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AppBackend.WebApi.Auth;

/// <summary>
/// The <c>sub</c> of a valid token becomes the owner of what a candidate creates (a column of 256 characters), so a
/// token whose subject cannot be stored is refused (401) like any other unusable token, before the request is served.
/// </summary>
internal static class SubjectRule
{
    public const int MaxLength = 256;

    public static Task CheckAsync(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (subject is not null && !IsStorable(subject))
        {
            context.Fail("The token's subject is longer than 256 characters or contains U+0000.");
        }

        return Task.CompletedTask;
    }

    public static bool IsStorable(string subject) =>
        subject.Length is > 0 and <= MaxLength && !subject.Contains('\0', StringComparison.Ordinal);
}
