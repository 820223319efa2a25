namespace AppBackend.AiBackendSimulator.State;

/// <summary>One entry of the <c>jobIds</c> answer: which job analyses which video.</summary>
public sealed record JobIdEntry(string JobId, string VideoResponseId);
