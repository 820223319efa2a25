namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>The parts of a <c>POST /v1/analysis/video</c> body that the simulator acts on; the rest is only recorded.</summary>
public sealed record ParsedAnalysisRequest(
    string ApiVersion,
    Uri CallbackUrl,
    string ApplicationId,
    IReadOnlyList<VideoToAnalyse> Videos);
