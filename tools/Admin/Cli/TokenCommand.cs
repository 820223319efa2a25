using System.CommandLine;
using AppBackend.Domain.Common;
using AppBackend.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AppBackend.Admin.Cli;

/// <summary><c>token</c>: a frontend token signed with the API's key (<c>Auth:SigningKey</c>, or the dev key in Development).</summary>
public static class TokenCommand
{
    /// <summary>The roles the API knows (contract section 4).</summary>
    public static readonly string[] Roles = ["recruiter", "candidate"];

    public static Command Create(CommandRunner runner)
    {
        var role = new Option<string>("--role") { Description = "recruiter or candidate.", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var subject = new Option<string>("--sub") { Description = "The sub claim: who the token speaks for (a candidate's id).", Required = true };
        subject.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--sub must not be empty.");
            }
        });
        var lifetime = Durations.Option("--lifetime", "How long the token is valid (default 8h).", positive: true);
        lifetime.DefaultValueFactory = _ => TimeSpan.FromHours(8);

        var token = new Command(
            "token",
            "Print a frontend API token (HS256, the configured issuer and audience) signed with Auth:SigningKey, or in Development with the documented dev key.")
        {
            role,
            subject,
            lifetime,
        };
        token.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            var auth = context.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
            if (!string.IsNullOrWhiteSpace(auth.Authority))
            {
                return await context.RefuseAsync(Error.Conflict(
                    "token.authority_configured",
                    "Auth:Authority is set, so the API accepts only that authority's tokens and would refuse one signed here."));
            }

            string key;
            try
            {
                key = auth.ResolveSigningKey(context.Environment)!;
            }
            catch (InvalidOperationException ex)
            {
                throw new AdminFailure(ExitCodes.Usage, $"configuration: {ex.Message}");
            }

            var parsed = context.Parsed;
            var (roleName, sub, valid) = (parsed.GetRequiredValue(role), parsed.GetRequiredValue(subject), parsed.GetValue(lifetime) ?? TimeSpan.FromHours(8));
            var issuedAt = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var accessToken = context.Services.GetRequiredService<HmacJwtIssuer>()
                .IssueUserToken(key, auth.Issuer, auth.Audience, roleName, sub, valid);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { accessToken, tokenType = "Bearer", role = roleName, sub, expiresAt = issuedAt + valid });
            }
            else
            {
                await context.Output.WriteLineAsync(accessToken);
            }

            return ExitCodes.Success;
        }));
        return token;
    }
}
