using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Api;

/// <summary>
/// Issue 12, item 4: outside Development the real process refuses to start with weak, reused or development secrets,
/// naming every bad setting in one go and never printing a secret.
/// </summary>
public sealed class SecretStartupTests
{
    private const string ReadmeDevelopmentKey = "appbackend-development-signing-key-do-not-use-in-production";
    private const string Shared = "one-secret-shared-by-three-settings-0123456789";

    [Fact]
    public async Task Start_InProductionWithWeakReusedAndDevelopmentSecrets_RefusesListingEverySettingAndNoValue()
    {
        var media = "a";
        await using var process = WebApiProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreeTcpPort.Pick()}",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"secret-startup-{Guid.NewGuid():N}.db")}",
            ["AI_BACKEND_URL"] = "http://127.0.0.1:9",
            ["PUBLIC_BASE_URL"] = "http://127.0.0.1:9",
            ["Auth__SigningKey"] = Shared,
            ["AI_BACKEND_SECRET"] = Shared,
            ["AI_CALLBACK_SECRET"] = $"whsec_, {Shared}",
            ["Media__SigningKey"] = media,
        });

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("the process must refuse to start: {0}", process.AllOutput);

        process.ExitCode.Should().NotBe(0);
        var output = process.AllOutput;
        output.Should().Contain("AI_BACKEND_SECRET must differ from Auth:SigningKey");
        output.Should().Contain("AI_CALLBACK_SECRET (secret 1 of 2) must be set to at least 32 bytes");
        output.Should().Contain("AI_CALLBACK_SECRET (secret 2 of 2) must differ from Auth:SigningKey");
        output.Should().Contain("Media:SigningKey must be set to at least 32 bytes");
        output.Should().NotContain(Shared);
        output.Should().NotContain("whsec_");
    }

    [Fact]
    public async Task Start_InProductionWithTheReadmesDevelopmentKey_Refuses()
    {
        await using var process = WebApiProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreeTcpPort.Pick()}",
            ["Auth__SigningKey"] = ReadmeDevelopmentKey,
            ["AI_BACKEND_URL"] = "http://127.0.0.1:9",
            ["PUBLIC_BASE_URL"] = "http://127.0.0.1:9",
            ["AI_BACKEND_SECRET"] = TestSecrets.AiBackendSecret,
            ["AI_CALLBACK_SECRET"] = TestSecrets.CallbackSecret,
            ["Media__SigningKey"] = TestSecrets.MediaSigningKey,
        });

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("the process must refuse to start: {0}", process.AllOutput);

        process.ExitCode.Should().NotBe(0);
        process.AllOutput.Should().Contain("Auth:SigningKey is a documented development key").And.NotContain(ReadmeDevelopmentKey);
    }
}
