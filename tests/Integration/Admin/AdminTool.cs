using AppBackend.Admin;
using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Admin;

/// <summary>
/// Runs the admin tool in-process through its entry point, with its configuration passed in (never through the
/// process environment) and its output captured.
/// </summary>
public static class AdminTool
{
    /// <summary>
    /// The settings of a deployment whose database is <paramref name="database"/>, outside Development (so nothing
    /// comes from the dev defaults), with the secrets the tests' AppBackend instances use.
    /// </summary>
    public static Dictionary<string, string?> Settings(TestDatabase database, Uri? aiBackend = null, string? publicBaseUrl = null) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["Database:Provider"] = database.Provider,
        ["ConnectionStrings:Default"] = database.ConnectionString,
        ["Auth:SigningKey"] = TestTokens.SigningKey,
        ["Auth:Issuer"] = TestTokens.Issuer,
        ["Auth:Audience"] = TestTokens.Audience,
        ["AI_BACKEND_URL"] = aiBackend?.ToString() ?? "http://127.0.0.1:9",
        ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
        ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
        ["PUBLIC_BASE_URL"] = publicBaseUrl ?? "http://127.0.0.1:9",
        ["Media:SigningKey"] = TestSecrets.MediaSigningKey,
        ["Analysis:RetryDelays"] = "00:00:00.050",
    };

    public static Task<AdminRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        RunAsync(settings, stdin: null, args);

    public static async Task<AdminRun> RunAsync(IReadOnlyDictionary<string, string?> settings, Stream? stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var exitCode = await AdminCli.RunAsync(args, stdout, stderr, new Dictionary<string, string?>(settings), stdin, timeout.Token);
        return new AdminRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static Dictionary<string, string?> With(this IReadOnlyDictionary<string, string?> settings, string key, string? value) =>
        new(settings) { [key] = value };
}
