namespace AppBackend.IntegrationTests.Fixtures;

/// <summary>The secrets AppBackend and the AI backend simulator share in the tests.</summary>
public static class TestSecrets
{
    public const string AiBackendSecret = "integration-tests-ai-backend-secret-0123456789";
    public const string CallbackSecret = "integration-tests-callback-secret-0123456789abc";
    public const string MediaSigningKey = "integration-tests-media-url-signing-key-0123456789";
}
