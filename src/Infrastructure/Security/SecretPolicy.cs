using System.Text;
using AppBackend.Infrastructure.AnalysisBackend;
using AppBackend.Infrastructure.Media;
using AppBackend.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AppBackend.Infrastructure.Security;

/// <summary>
/// Outside Development every secret is at least 32 bytes, none is a documented development key, and no two are the
/// same (a shared key lets whoever holds one forge what the other protects: the AI backend minting recruiter tokens).
/// All problems are found at once and named by setting, never by value.
/// </summary>
public static class SecretPolicy
{
    public const int MinimumBytes = 32;

    private const string AuthSigningKey = "Auth:SigningKey";

    /// <summary>The development keys the README and the code publish.</summary>
    private static readonly string[] DevelopmentKeys =
    [
        AuthOptions.DevelopmentSigningKey,
        AiBackendOptions.DevelopmentSecret,
        CallbackSecretOptions.DevelopmentSecret,
        MediaSigningOptions.DevelopmentSigningKey,
    ];

    /// <summary>Every problem with the configured secrets (empty in Development, where the development keys are the point).</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return [];
        }

        var secrets = new List<(string Name, byte[]? Key)>();
        if (string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:Authority"]))
        {
            secrets.Add((AuthSigningKey, Utf8(configuration[AuthSigningKey])));
        }

        secrets.Add((AiBackendOptions.SecretKey, Utf8(configuration[AiBackendOptions.SecretKey])));
        var callbackSecrets = CallbackSecretOptions.Parse(configuration[CallbackSecretOptions.Key]);
        if (callbackSecrets.Count == 0)
        {
            secrets.Add((CallbackSecretOptions.Key, null));
        }

        for (var i = 0; i < callbackSecrets.Count; i++)
        {
            var name = callbackSecrets.Count == 1 ? CallbackSecretOptions.Key : $"{CallbackSecretOptions.Key} (secret {i + 1} of {callbackSecrets.Count})";
            secrets.Add((name, CallbackSecretOptions.ToKey(callbackSecrets[i])));
        }

        secrets.Add((MediaSigningOptions.SigningKeyKey, Utf8(configuration[MediaSigningOptions.SigningKeyKey])));

        var problems = new List<string>();
        var developmentKeys = DevelopmentKeys.Select(Encoding.UTF8.GetBytes).ToList();
        for (var i = 0; i < secrets.Count; i++)
        {
            var (name, key) = secrets[i];
            if (key is null)
            {
                problems.Add($"{name} must be set (at least {MinimumBytes} bytes).");
                continue;
            }

            if (key.Length < MinimumBytes)
            {
                problems.Add($"{name} must be set to at least {MinimumBytes} bytes; it is shorter.");
            }

            if (developmentKeys.Any(d => d.AsSpan().SequenceEqual(key)))
            {
                problems.Add($"{name} is a documented development key; set a secret of your own.");
            }

            foreach (var (earlierName, earlierKey) in secrets.Take(i))
            {
                if (earlierKey is not null && earlierKey.AsSpan().SequenceEqual(key))
                {
                    problems.Add($"{name} must differ from {earlierName}.");
                }
            }
        }

        return problems;
    }

    /// <summary>Stops the start with every problem in one message.</summary>
    /// <exception cref="InsecureSecretsException">At least one problem.</exception>
    public static void ThrowIfUnsafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new InsecureSecretsException(problems);
        }
    }

    private static byte[]? Utf8(string? value) => string.IsNullOrEmpty(value) ? null : Encoding.UTF8.GetBytes(value);
}
