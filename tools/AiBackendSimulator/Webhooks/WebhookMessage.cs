using AppBackend.AiBackendSimulator.Configuration;

namespace AppBackend.AiBackendSimulator.Webhooks;

/// <summary>
/// A finished job's webhook ready to send: the body bytes are fixed when the job finishes,
/// so every attempt and redelivery sends exactly the same bytes under the same webhook id.
/// </summary>
public sealed record WebhookMessage(
    string JobId,
    Uri CallbackUrl,
    string WebhookId,
    ReadOnlyMemory<byte> Body,
    string CallbackSecret,
    SignatureScheme Scheme);
