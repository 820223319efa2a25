using System.Text;

namespace AppBackend.IntegrationTests.Simulator;

/// <summary>One request as the in-test receiver got it: headers and the exact body bytes.</summary>
internal sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
