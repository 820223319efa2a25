namespace AppBackend.Domain.Common;

/// <summary>An expected refusal: a stable code, a human-readable description and optional details.</summary>
public sealed record Error(string Code, string Description, ErrorKind Kind)
{
    /// <summary>Structured facts a caller can act on (for example the ids of missing questions).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    public static Error NotFound(string code, string description) => new(code, description, ErrorKind.NotFound);

    public static Error Conflict(string code, string description) => new(code, description, ErrorKind.Conflict);

    public static Error Rule(string code, string description) => new(code, description, ErrorKind.Rule);

    public static Error Validation(string code, string description) => new(code, description, ErrorKind.Validation);
}
