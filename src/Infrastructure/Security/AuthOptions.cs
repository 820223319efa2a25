using System.Text;
using Microsoft.Extensions.Hosting;

namespace AppBackend.Infrastructure.Security;

/// <summary>
/// The <c>Auth</c> section: frontend JWT validation (contract sections 4 and 6). Here rather than in the WebApi because
/// the admin tool mints tokens the WebApi must accept, from the same settings and the same Development default.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Used only in Development when no key is configured; documented in the README so newcomers can mint tokens.</summary>
    public const string DevelopmentSigningKey = "appbackend-development-signing-key-do-not-use-in-production";

    public string Issuer { get; set; } = "appbackend";

    public string Audience { get; set; } = "appbackend-api";

    /// <summary>HS256 key, at least 32 bytes. Required outside Development unless <see cref="Authority"/> is set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC authority; when set, its published keys are used instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The HS256 key tokens are signed and validated with: <see cref="SigningKey"/>, or in Development
    /// <see cref="DevelopmentSigningKey"/> when none is set; null when <see cref="Authority"/> is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable key outside Development, or a key shorter than 32 bytes.</exception>
    public string? ResolveSigningKey(IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(Authority))
        {
            return null;
        }

        var key = SigningKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = environment.IsDevelopment()
                ? DevelopmentSigningKey
                : throw new InvalidOperationException("Auth:SigningKey (at least 32 bytes) or Auth:Authority must be configured outside Development.");
        }

        if (Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long.");
        }

        return key;
    }
}
