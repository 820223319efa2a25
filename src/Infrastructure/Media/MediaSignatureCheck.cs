namespace AppBackend.Infrastructure.Media;

/// <summary>The verdict on a media URL's signature.</summary>
public enum MediaSignatureCheck
{
    Valid,

    /// <summary><c>exp</c> or <c>sig</c> is missing: 401.</summary>
    Unsigned,

    /// <summary>The signature does not match the path and expiry (or is malformed): 403.</summary>
    BadSignature,

    /// <summary>A genuine signature whose expiry has passed: 403.</summary>
    Expired,
}
