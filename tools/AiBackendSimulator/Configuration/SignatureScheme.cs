namespace AppBackend.AiBackendSimulator.Configuration;

/// <summary>How webhook deliveries are signed; both are accepted by AppBackend (contract section 2).</summary>
public enum SignatureScheme
{
    /// <summary><c>X-Signature: hex(HMAC-SHA256(body))</c>.</summary>
    XSignature,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,base64(...)</c>.</summary>
    StandardWebhooks,
}
