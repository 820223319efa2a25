namespace AppBackend.Domain.Common;

/// <summary>How a refusal reads to a caller; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Rule,
}
