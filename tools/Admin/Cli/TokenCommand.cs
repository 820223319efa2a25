using System.CommandLine;
using AppBackend.Application.Common.Security;
using AppBackend.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AppBackend.Admin.Cli;

/// <summary><c>token</c>: a frontend token signed with the API's key (<c>Auth:SigningKey</c>, or the dev key in Development).</summary>
public static class TokenCommand
{
    /// <summary>The roles the API knows (contract section 4).</summary>
    public static readonly string[] Roles = ["recruiter", "candidate"];

    /// <summary>The organization of a Development recruiter token when none is named (the dev token endpoint's too).</summary>
    public const string DefaultOrganization = "dev-org";

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
        var organization = new Option<string>("--org")
        {
            Description = $"The org claim of a recruiter token: the organization it acts in (default '{DefaultOrganization}' in Development; required elsewhere). Not allowed with --role candidate.",
            HelpName = "ORG",
        };
        organization.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(value) || value.Length > ApplicationAccess.MaxOrganizationIdLength)
            {
                result.AddError($"--org must be 1 to {ApplicationAccess.MaxOrganizationIdLength} characters.");
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
            organization,
            lifetime,
        };
        token.SetAction(runner.Action(async (context, cancellationToken) =>
        {
            var auth = context.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
            if (!string.IsNullOrWhiteSpace(auth.Authority))
            {
                return await context.RefuseAsync(AdminErrors.AuthorityConfigured());
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
            var org = OrganizationOf(roleName, parsed.GetValue(organization), context.Environment.IsDevelopment());
            var issuedAt = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var accessToken = context.Services.GetRequiredService<HmacJwtIssuer>()
                .IssueUserToken(key, auth.Issuer, auth.Audience, roleName, sub, valid, org);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { accessToken, tokenType = "Bearer", role = roleName, sub, org, expiresAt = issuedAt + valid });
            }
            else
            {
                await context.Output.WriteLineAsync(accessToken);
            }

            return ExitCodes.Success;
        }));
        return token;
    }

    /// <summary>A recruiter token needs an organization (contract section 4); Development offers a default, elsewhere it must be named.</summary>
    private static string? OrganizationOf(string role, string? given, bool development) => role switch
    {
        "candidate" when given is not null => throw new AdminFailure(ExitCodes.Usage, "--org is for recruiter tokens; a candidate token carries no organization."),
        "candidate" => null,
        _ => given ?? (development
            ? DefaultOrganization
            : throw new AdminFailure(ExitCodes.Usage, "--org is required for a recruiter token outside Development: a recruiter token without an organization reaches nothing.")),
    };
}
