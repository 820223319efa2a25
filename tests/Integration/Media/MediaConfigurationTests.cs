using AppBackend.IntegrationTests.Fixtures;

namespace AppBackend.IntegrationTests.Media;

/// <summary>The media settings are checked when AppBackend starts: a missing, short or reused signing key stops it.</summary>
public sealed class MediaConfigurationTests
{
    public static TheoryData<string, string?, string> BadSettings() => new()
    {
        { "Media:SigningKey", null, "Media:SigningKey must be set" },
        { "Media:SigningKey", "too-short-to-sign-with", "Media:SigningKey must be set" },
        { "Media:SigningKey", TestTokens.SigningKey, "Media:SigningKey must differ" },
        { "Media:SigningKey", TestSecrets.CallbackSecret, "Media:SigningKey must differ" },
        { "Media:SigningKey", TestSecrets.AiBackendSecret, "Media:SigningKey must differ" },
        { "Media:UrlLifetime", "00:00:00", "Media:UrlLifetime must be positive" },
        { "Media:MaxUploadBytes", "0", "Media:MaxUploadBytes must be a positive" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_WithABadMediaSetting_Fails(string key, string? value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "mediaconfig");
        var mediaRoot = Directory.CreateTempSubdirectory("appbackend-media-").FullName;
        try
        {
            var failure = await StartFailure.OfAsync(database.Provider, database.ConnectionString, new Dictionary<string, string?>
            {
                ["Media:Root"] = mediaRoot,
                [key] = value,
            });

            failure.Should().Contain(message);
        }
        finally
        {
            Directory.Delete(mediaRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WithALongEnoughDistinctKey_Succeeds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite, "mediaconfigok");
        var mediaRoot = Directory.CreateTempSubdirectory("appbackend-media-").FullName;
        await using var factory = new AppBackendFactory(database.Provider, database.ConnectionString, new Dictionary<string, string?>
        {
            ["Media:Root"] = mediaRoot,
            ["Media:SigningKey"] = "another-media-url-signing-key-of-32-bytes-or-more",
            ["Media:UrlLifetime"] = "00:10:00",
        });

        factory.StartServer();

        (await factory.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode.Should().BeTrue();
        Directory.Delete(mediaRoot, recursive: true);
    }
}
