using AppBackend.AiBackendSimulator.State;

namespace AppBackend.AiBackendSimulator.Analysis;

/// <summary>The 202 answer to <c>POST /v1/analysis/video</c>.</summary>
public sealed record JobIdsResponse(IReadOnlyList<JobIdEntry> JobIds);
