using System.Text.Json;

namespace AppBackend.Application.Common.Ports.AnalysisBackend;

/// <summary>The body of <c>POST /v1/analysis/video</c> (contract section 3). Only URLs, never file bytes.</summary>
public sealed record AnalysisRequest(
    AnalysisRequestMeta Meta,
    AnalysisRequestApplication Application,
    AnalysisRequestInterview Interview,
    IReadOnlyList<AnalysisRequestVideo> VideoResponses);

public sealed record AnalysisRequestMeta(string ApiVersion, string RequestId, string CallbackUrl);

public sealed record AnalysisRequestApplication(string Id, AnalysisRequestCandidate Candidate);

public sealed record AnalysisRequestCandidate(string FullName, string Email, string? Phone, string? CvUrl);

public sealed record AnalysisRequestInterview(string Id, string Title, IReadOnlyList<AnalysisRequestQuestion> Questions);

public sealed record AnalysisRequestQuestion(string Id, string Text, int DurationSeconds, JsonElement AiMetadata);

public sealed record AnalysisRequestVideo(string VideoResponseId, string QuestionId, string Url);
