using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AppBackend.UnitTests.Infrastructure.AnalysisBackend;

/// <summary>Reads a compact JWS without a library, to check what the AI backend would see.</summary>
internal static class Jwt
{
    public static JsonElement Header(string token) => Part(token, 0);

    public static JsonElement Payload(string token) => Part(token, 1);

    public static bool IsSignedWith(string token, string secret)
    {
        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        return CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2]));
    }

    private static JsonElement Part(string token, int index)
    {
        var parts = token.Split('.');
        parts.Should().HaveCount(3, "a compact JWS has three parts");
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[index]));
        return document.RootElement.Clone();
    }
}
