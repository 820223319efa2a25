using AppBackend.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AppBackend.UnitTests.Infrastructure;

/// <summary>Issue 12, item 4: the rules of <see cref="SecretPolicy"/>, one by one.</summary>
public sealed class SecretPolicyTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["Auth:SigningKey"] = "frontend-signing-key-0123456789-abcdefgh",
        ["AI_BACKEND_SECRET"] = "ai-backend-secret-0123456789-abcdefghijk",
        ["AI_CALLBACK_SECRET"] = "callback-secret-0123456789-abcdefghijklm",
        ["Media:SigningKey"] = "media-signing-key-0123456789-abcdefghijk",
    };

    [Fact]
    public void Problems_WithDistinctLongSecrets_IsEmpty() => Problems(Good).Should().BeEmpty();

    [Fact]
    public void Problems_InDevelopment_IsEmptyWhateverIsSet() =>
        SecretPolicy.Problems(Configuration(new Dictionary<string, string?>()), Environment(Environments.Development)).Should().BeEmpty();

    [Fact]
    public void Problems_WithNothingSet_NamesEverySetting() =>
        Problems(new Dictionary<string, string?>()).Should().Equal(
            "Auth:SigningKey must be set (at least 32 bytes).",
            "AI_BACKEND_SECRET must be set (at least 32 bytes).",
            "AI_CALLBACK_SECRET must be set (at least 32 bytes).",
            "Media:SigningKey must be set (at least 32 bytes).");

    [Theory]
    [InlineData("whsec_")]
    [InlineData("a")]
    [InlineData("whsec_MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIz")] // 24 bytes decoded
    public void Problems_WithAShortCallbackSecret_NamesIt(string secret) =>
        Problems(With("AI_CALLBACK_SECRET", secret)).Should().Equal("AI_CALLBACK_SECRET must be set to at least 32 bytes; it is shorter.");

    [Fact]
    public void Problems_WithALongWhsecSecret_IsEmpty() =>
        Problems(With("AI_CALLBACK_SECRET", "whsec_" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()))).Should().BeEmpty();

    [Theory]
    [InlineData("Auth:SigningKey", "appbackend-development-signing-key-do-not-use-in-production")]
    [InlineData("AI_BACKEND_SECRET", "appbackend-dev-ai-backend-secret-change-me-0123456789")]
    [InlineData("AI_CALLBACK_SECRET", "appbackend-dev-callback-secret-change-me-0123456789")]
    [InlineData("Media:SigningKey", "appbackend-development-media-url-key-do-not-use-in-production")]
    public void Problems_WithADevelopmentKey_NamesTheSetting(string setting, string key) =>
        Problems(With(setting, key)).Should().Equal($"{setting} is a documented development key; set a secret of your own.");

    [Fact]
    public void Problems_WithOneSecretEverywhere_NamesEveryPair()
    {
        var shared = "one-secret-shared-by-every-setting-0123456789";

        Problems(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = shared,
            ["AI_BACKEND_SECRET"] = shared,
            ["AI_CALLBACK_SECRET"] = shared,
            ["Media:SigningKey"] = shared,
        }).Should().HaveCount(6).And.Contain("AI_BACKEND_SECRET must differ from Auth:SigningKey.").And.OnlyContain(p => !p.Contains(shared));
    }

    [Fact]
    public void Problems_WithARotatedCallbackSecretEqualToTheJwtSecret_NamesWhichOne() =>
        Problems(With("AI_CALLBACK_SECRET", $"callback-secret-0123456789-abcdefghijklm, {Good["AI_BACKEND_SECRET"]}"))
            .Should().Equal("AI_CALLBACK_SECRET (secret 2 of 2) must differ from AI_BACKEND_SECRET.");

    [Fact]
    public void Problems_WithAnAuthority_DoesNotAskForTheSigningKey()
    {
        var settings = With("Auth:SigningKey", null);
        settings["Auth:Authority"] = "https://login.example.com";

        Problems(settings).Should().BeEmpty();
    }

    private static Dictionary<string, string?> With(string key, string? value) => new(Good) { [key] = value };

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings) =>
        SecretPolicy.Problems(Configuration(settings), Environment(Environments.Production));

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name, ApplicationName = "AppBackend.UnitTests" };
}
