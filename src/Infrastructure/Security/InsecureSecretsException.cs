namespace AppBackend.Infrastructure.Security;

/// <summary>The configured secrets are unsafe outside Development; the message lists every problem by setting name.</summary>
public sealed class InsecureSecretsException(IReadOnlyList<string> problems)
    : InvalidOperationException("AppBackend refuses to start: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
