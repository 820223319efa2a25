namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>One entry of the request's <c>videoResponses</c>: the fields the simulator needs.</summary>
public sealed record VideoToAnalyse(string VideoResponseId, Uri Url);
