using System.Text;
using AppBackend.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AppBackend.WebApi.Auth;

internal static class AuthenticationSetup
{
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var signingKey = options.ResolveSigningKey(environment);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AuthOptions
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Authority = options.Authority,
            SigningKey = signingKey,
        }));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;

            // Nothing reads the token back from the authentication properties; stored, it would live as long as the request.
            jwt.SaveToken = false;

            // Why a token failed (issuer, unknown key, the server's clock) helps an attacker more than a client: only in Development.
            jwt.IncludeErrorDetails = environment.IsDevelopment();
            jwt.Events = new JwtBearerEvents { OnTokenValidated = SubjectRule.CheckAsync };
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.Issuer,
                ValidateAudience = true,
                ValidAudience = options.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = JwtRegisteredClaimNames.Sub,
                RoleClaimType = HmacJwtIssuer.RoleClaim,
            };

            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = !environment.IsDevelopment();
            }
            else
            {
                jwt.TokenValidationParameters.ValidateIssuerSigningKey = true;
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey!));
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });

        var organization = new RecruiterOrganizationRequirement();
        services.AddSingleton<IAuthorizationHandler>(organization);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, OrganizationProblemResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ApiUser, p => p.RequireAuthenticatedUser().RequireClaim(JwtRegisteredClaimNames.Sub).RequireRole(Roles.Recruiter, Roles.Candidate).AddRequirements(organization))
            .AddPolicy(Policies.Recruiter, p => p.RequireAuthenticatedUser().RequireClaim(JwtRegisteredClaimNames.Sub).RequireRole(Roles.Recruiter).AddRequirements(organization));
        return services;
    }
}
